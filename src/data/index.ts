export type {
  CsvColumnMapping,
  FieldMapping,
  Issue,
  LoadOptions,
  LoadResult,
  ValidationReport,
} from './types.ts';
export { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from './types.ts';
export {
  LAYER_ROLES,
  ROLE_TABLE,
  csvFieldsOf,
  type AdminCollection,
  type AdminLayers,
  type CsvColumn,
  type LayerRole,
} from './layerRoles.ts';
export { LoadError } from './LoadError.ts';
export { layerFromFile, loadLayer } from './loadLayer.ts';
export { readLayerFile, type ParsedFile } from './readFile.ts';
export { readFileKind } from './fileKind.ts';
export { guessCsvColumns } from './csvSites.ts';
export { validateLayer } from './validateLayer.ts';
export { guessFields, guessRole } from './roles.ts';
export { reportCsv } from './reportCsv.ts';
export {
  serializeProject,
  parseProject,
  SettingsRefused,
  MIGRATIONS,
  type Project,
  type ParsedProject,
} from './project.ts';
export { CRS_CHOICES, resolveCrs } from './crs.ts';
export { htmlToText } from './text.ts';
export { PROJECT_VERSION } from './projectFormat.ts';
