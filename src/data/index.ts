export type {
  CrsInfo,
  CsvColumnMapping,
  FieldMapping,
  FileKind,
  Issue,
  LoadInput,
  LoadOptions,
  LoadResult,
  ValidationReport,
  XmlParser,
} from './types.ts';
export { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from './types.ts';
export {
  ADMIN_ROLES,
  INPUT_ROLES,
  LAYER_ROLES,
  ROLE_TABLE,
  isAdminRole,
  isLayerRole,
  type AdminCollection,
  type AdminLayers,
  type AdminRole,
  type CsvColumn,
  type FieldKey,
  type InputRole,
  type LayerRole,
} from './layerRoles.ts';
export { LoadError } from './LoadError.ts';
export { layerFromFile, loadLayer } from './loadLayer.ts';
export { readLayerFile, type ParsedFile } from './readFile.ts';
export { readFileKind } from './fileKind.ts';
export { guessCsvColumns, readCsvTable } from './csvSites.ts';
export { validateLayer, type Validated, type ValidateOptions } from './validateLayer.ts';
export { guessFields, guessRole } from './roles.ts';
export { reportCsv } from './reportCsv.ts';
export {
  serializeProject,
  parseProject,
  SettingsRefused,
  PROJECT_VERSION,
  MIGRATIONS,
  type Project,
  type ParsedProject,
} from './project.ts';
export { CRS_CHOICES, VN2000_TOWGS84, resolveCrs, type CrsChoice } from './crs.ts';
export { htmlToText } from './text.ts';
