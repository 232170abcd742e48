/**
 * The blank filing form (docs/filing-template.xlsx, written by scripts/filing-template.js): the
 * systems sheet and the data-resources sheet with their header rows, and a sheet 说明 notes saying
 * what each column takes. `btyun import filing` reads the first two and ignores the notes.
 */
import { writeXlsx, type CellValue } from '../sheets';
import { FILING_SHEET, header, RESOURCE_DERIVED, RESOURCE_FIELDS, RESOURCES_SHEET, sheetName, SYSTEM_FIELDS, type Field } from './fields';

const KIND_NOTE: Readonly<Record<Field['kind'], string>> = {
  text: '文本 text, as written',
  id: '标识 id: lower-case letters, digits and -',
  ids: '标识列表 ids, separated by , 、 or spaces',
  date: '日期 date: 2018-06-30, 2018/6/30, 2018年6月30日 or an Excel date',
  number: '数字 number',
  integer: '整数 whole number',
  bool: '是 yes / 否 no',
  enum: '选项 one of',
  ports: '端口列表 port numbers, separated by ,',
  platforms: '平台列表 platform ids, each optionally with its connection date: dxt:2018-06-30, dsj',
};

function note(sheet: string, f: Field, derived = false): CellValue[] {
  const values = f.values ? Object.entries(f.values).map(([v, zh]) => `${zh} ${v}`).join(', ') : '';
  return [sheet, header(f), f.required ? '必填列 required column' : derived ? '只读 written by btyun lists, not read' : '', `${KIND_NOTE[f.kind]}${values ? `: ${values}` : ''}`];
}

export function filingTemplate(): Promise<Buffer> {
  const filing = sheetName(FILING_SHEET);
  const resources = sheetName(RESOURCES_SHEET);
  return writeXlsx([
    { name: filing, rows: [SYSTEM_FIELDS.map(header)] },
    { name: resources, rows: [RESOURCE_FIELDS.map(header)] },
    {
      name: '说明 notes',
      rows: [
        ['工作表 sheet', '列 column', '要求 requirement', '填写 how to fill'],
        ...SYSTEM_FIELDS.map((f) => note(filing, f)),
        ...RESOURCE_FIELDS.map((f) => note(resources, f, RESOURCE_DERIVED.has(f.path))),
      ],
    },
  ]);
}
