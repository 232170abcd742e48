/** The scorecard's outputs: formats for `btyun scorecard`, and the HTML section for the report. */
export { scorecardSection } from './html-section';
export { renderScorecardCsv, renderScorecardJson, renderScorecardMarkdown, renderScorecardText, renderScorecardXlsx, SCORECARD_FORMATS, type ScorecardFormat } from './render';
export { computeScorecard, SCORECARD_BY, type Scorecard, type ScorecardBy } from '../../plan/scorecard/scorecard';
