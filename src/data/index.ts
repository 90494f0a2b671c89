export type {
  CrsInfo,
  CsvColumnMapping,
  FieldKey,
  FieldMapping,
  FileKind,
  Issue,
  LayerRole,
  LoadInput,
  LoadOptions,
  LoadResult,
  ValidationReport,
  XmlParser,
} from './types.ts';
export { LAYER_ROLES, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from './types.ts';
export { LoadError } from './LoadError.ts';
export { loadLayer } from './loadLayer.ts';
export { readFileKind } from './fileKind.ts';
export { parseCsvSites, guessCsvColumns, readCsvTable, type CsvSitesResult } from './csvSites.ts';
export { validateLayer, type Validated, type ValidateOptions } from './validateLayer.ts';
export { guessFields, guessRole, ROLE_FIELDS } from './roles.ts';
export { reportCsv } from './reportCsv.ts';
export {
  serializeProject,
  parseProject,
  PROJECT_VERSION,
  MIGRATIONS,
  type Project,
  type ParsedProject,
} from './project.ts';
export { CRS_CHOICES, VN2000_TOWGS84, resolveCrs, type CrsChoice } from './crs.ts';
export { htmlToText } from './text.ts';
