import { useNamespace } from '../../i18n/namespace.ts';

/** The unit systems' own i18next namespace, so they add no keys to the app's string files. */
const UNITS_NS = 'units';

const vi = {
  system: 'Hệ thống đơn vị hành chính',
  systems: {
    units: 'Từ 01/7/2025: tỉnh – xã/phường',
    districts: '2020–2024: tỉnh – huyện – xã',
  },
  /** With a units layer of the user's, which may be of any date. */
  importedSystem: 'Đơn vị đã nhập: tỉnh – {{noun}}',
  provinceOnFormerArea: '{{province}} (địa bàn {{former}} cũ)',
  pickUnit: 'Chọn xã/phường',
  unit: 'Xã/phường',
  search: 'Tìm thôn, xã/phường',
  mapHint: 'Bấm lên bản đồ để chọn xã/phường; Esc để về toàn tỉnh.',
  legendBoundaries: 'Ranh giới tỉnh (cũ) và xã/phường từ 01/7/2025',
  layerLabels: 'Tên xã/phường',
  noUnits: 'Dữ liệu này không có lớp đơn vị hành chính mới; đang dùng huyện – xã của thôn.',
  assigning: 'Đang xếp các thôn vào xã/phường theo diện tích…',
  error: 'Không xếp được thôn vào đơn vị: {{message}}',
  splitNote: '{{count}} thôn nằm trên nhiều xã/phường, được xếp vào nơi chiếm phần lớn diện tích.',
  outsideNote: '{{count}} thôn không nằm trong xã/phường nào.',
  splitCsv: 'Tải danh sách thôn nằm trên nhiều đơn vị (CSV)',
  unknown: '(không thuộc đơn vị nào)',
  gaps: {
    title: 'Nơi thiếu nhiều nhất',
    subUnits: {
      units: 'Các xã/phường',
      districts: 'Các huyện',
      communes: 'Các xã',
    },
    by: 'Xếp theo',
    measures: {
      gapHouseholds: 'Hộ chưa có băng rộng',
      whiteHouseholds: 'Hộ ở vùng trắng',
      weakHouseholds: 'Hộ ở vùng lõm',
      unservedHamlets: 'Thôn chưa phủ',
      costVnd: 'Chi phí đạt mục tiêu',
    },
    name: 'Tên',
    households: 'Hộ chưa có băng rộng',
    unserved: 'Thôn chưa phủ',
    cost: 'Chi phí',
    costTitle: 'Chi phí để đạt mục tiêu 100 %',
    costNote:
      'Tổng chi phí đề xuất của {{count}} thôn chưa được phủ đủ (cáp quang hoặc trạm 4G mới cho từng thôn).',
    caption: '{{what}} xếp theo {{by}}; bấm một dòng để xem và lọc danh sách.',
  },
};

const en: typeof vi = {
  system: 'Administrative units',
  systems: {
    units: 'Since 1 July 2025: province – commune/ward',
    districts: '2020–2024: province – district – commune',
  },
  importedSystem: 'Imported units: province – {{noun}}',
  provinceOnFormerArea: '{{province}} (the former {{former}} area)',
  pickUnit: 'Choose a commune/ward',
  unit: 'Commune/ward',
  search: 'Find a hamlet, commune or ward',
  mapHint: 'Click the map to pick a commune or ward; Escape goes back to the province.',
  legendBoundaries: 'Boundaries: the (former) province and the communes and wards since 1 July 2025',
  layerLabels: 'Names of communes and wards',
  noUnits: 'These data have no layer of the new units; the districts and communes of the hamlets are used.',
  assigning: 'Placing the hamlets in communes/wards by area…',
  error: 'Could not place the hamlets in units: {{message}}',
  splitNote:
    '{{count}} hamlets lie in more than one commune/ward; each counts in the one holding most of it.',
  outsideNote: '{{count}} hamlets lie in no commune/ward.',
  splitCsv: 'Download the hamlets split between units (CSV)',
  unknown: '(in no unit)',
  gaps: {
    title: 'Where the gap is largest',
    subUnits: {
      units: 'Communes and wards',
      districts: 'Districts',
      communes: 'Communes',
    },
    by: 'Rank by',
    measures: {
      gapHouseholds: 'Households without broadband',
      whiteHouseholds: 'Households in white zones',
      weakHouseholds: 'Households in weak zones',
      unservedHamlets: 'Unserved hamlets',
      costVnd: 'Cost to reach the targets',
    },
    name: 'Name',
    households: 'Households without broadband',
    unserved: 'Unserved hamlets',
    cost: 'Cost',
    costTitle: 'Cost to reach the 100 % targets',
    costNote:
      'The recommended costs of its {{count}} hamlets not fully served, added up (fibre or a new 4G site for each).',
    caption: '{{what}} ranked by {{by}}; click a row to see it and filter the list.',
  },
};

const UNITS_STRINGS = { vi, en } as const;

export function useUnitsTranslation() {
  return useNamespace(UNITS_NS, UNITS_STRINGS);
}
