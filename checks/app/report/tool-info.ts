/** Where people learn about the tool (SARIF tool.driver.informationUri). Change with the project's public home. */
export const INFORMATION_URI = 'https://www.xjbt.gov.cn/';
/**
 * The rule catalogue (docs/rules.md) as published with the project: SARIF `helpUri` points at the
 * rule's pack section there. Change with the project's public home.
 */
export const RULES_DOC_URI = 'https://www.xjbt.gov.cn/btyun/docs/rules.md';
