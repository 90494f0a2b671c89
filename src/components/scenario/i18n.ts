import { useNamespace } from '../../i18n/namespace.ts';

/** The scenario panel's own i18next namespace, so it adds no keys to the app's string files. */
export const SCENARIO_NS = 'scenario';

const vi = {
  heading: 'Thử phương án',
  intro: 'Đề xuất trạm, tuyến cáp quang hoặc tắt trạm để xem ngay số hộ được phủ thêm.',
  modes: {
    label: 'Chế độ sửa trên bản đồ',
    none: 'Xem',
    'add-site': 'Thêm trạm',
    'draw-fibre': 'Vẽ cáp quang',
    'site-off': 'Tắt trạm',
    hint: {
      none: '',
      'add-site': 'Bấm vào bản đồ để đặt trạm mới.',
      'draw-fibre': 'Bấm các điểm của tuyến; nhấp đúp hoặc Enter để kết thúc, Esc để huỷ.',
      'site-off': 'Bấm vào một trạm hiện có để tắt nó.',
    },
    finish: 'Kết thúc tuyến',
    atCentre: 'Đặt trạm ở tâm bản đồ',
    banner: 'Chế độ: {{mode}}',
    exit: 'Thoát chế độ',
    points: '{{count}} điểm',
  },
  site: {
    operator: 'Nhà mạng',
    tech: 'Công nghệ',
    radius: 'Bán kính (m)',
    azimuths: 'Hướng sector (°, tuỳ chọn)',
  },
  edits: {
    heading: 'Các thay đổi ({{count}})',
    empty: 'Chưa có thay đổi nào.',
    'add-site': 'Trạm {{tech}} mới {{id}}, {{radius}}',
    'add-fibre': 'Cáp quang mới {{id}}, {{length}}',
    'site-off': 'Tắt trạm {{id}}',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    clear: 'Xoá hết',
  },
  delta: {
    heading: 'Tác động',
    busy: 'Đang tính…',
    newBroadband: 'Hộ có băng rộng mới',
    newFibre: 'Hộ có cáp quang mới',
    newMbb: 'Hộ có băng rộng di động mới',
    lost: 'Hộ mất băng rộng',
    statusChanges: 'Thôn đổi trạng thái',
    cost: 'Chi phí',
    costPerHousehold: 'Chi phí mỗi hộ mới',
    ms: 'Tính lại trong {{duration}}',
    change: '{{name}}: {{from}} → {{to}}',
  },
  status: { served: 'đã phủ', partial: 'phủ một phần', unserved: 'chưa phủ' },
  saved: {
    heading: 'Phương án đã lưu',
    name: 'Tên phương án',
    save: 'Lưu phương án',
    load: 'Mở',
    remove: 'Xoá',
    compare: 'So sánh',
    compareHint: 'Đánh dấu các phương án để so sánh',
    measure: 'Chỉ số',
    edits: 'Số thay đổi',
  },
  suggest: {
    heading: 'Gợi ý vị trí trạm',
    by: 'Theo',
    count: 'Số trạm',
    budget: 'Ngân sách (tỷ đồng)',
    run: 'Gợi ý',
    busy: 'Đang tìm vị trí…',
    done: 'Đã đề xuất {{count}} trạm ({{duration}}). Có thể sửa như mọi phương án.',
    name: 'Gợi ý: {{count}} trạm {{tech}}, bán kính {{radius}}',
    confirmTitle: 'Thay các thay đổi hiện có?',
    confirmBody:
      'Gợi ý sẽ thay {{count}} thay đổi đang có bằng các trạm được gợi ý. Lưu phương án hiện tại trước nếu muốn giữ lại.',
    confirm: 'Thay bằng gợi ý',
    cancel: 'Giữ các thay đổi',
    cancelled: 'Đã giữ các thay đổi hiện có.',
  },
  export: { geojson: 'Xuất GeoJSON', csv: 'Xuất CSV' },
};

type Strings = typeof vi;

const en: Strings = {
  heading: 'What-if planning',
  intro: 'Propose sites or fibre, or switch a site off, and see at once how many households gain coverage.',
  modes: {
    label: 'Map edit mode',
    none: 'View',
    'add-site': 'Add site',
    'draw-fibre': 'Draw fibre',
    'site-off': 'Switch site off',
    hint: {
      none: '',
      'add-site': 'Click the map to place a new site.',
      'draw-fibre': 'Click the route’s points; double-click or Enter to finish, Esc to cancel.',
      'site-off': 'Click an existing site to switch it off.',
    },
    finish: 'Finish route',
    atCentre: 'Place a site at the map centre',
    banner: 'Mode: {{mode}}',
    exit: 'Leave this mode',
    points: '{{count}} points',
  },
  site: {
    operator: 'Operator',
    tech: 'Technology',
    radius: 'Radius (m)',
    azimuths: 'Sector azimuths (°, optional)',
  },
  edits: {
    heading: 'Edits ({{count}})',
    empty: 'No edits yet.',
    'add-site': 'New {{tech}} site {{id}}, {{radius}}',
    'add-fibre': 'New fibre {{id}}, {{length}}',
    'site-off': 'Switch off site {{id}}',
    undo: 'Undo',
    redo: 'Redo',
    clear: 'Clear all',
  },
  delta: {
    heading: 'Impact',
    busy: 'Computing…',
    newBroadband: 'Households newly with broadband',
    newFibre: 'Households newly with fibre',
    newMbb: 'Households newly with mobile broadband',
    lost: 'Households losing broadband',
    statusChanges: 'Hamlets changing status',
    cost: 'Cost',
    costPerHousehold: 'Cost per newly covered household',
    ms: 'Recomputed in {{duration}}',
    change: '{{name}}: {{from}} → {{to}}',
  },
  status: { served: 'served', partial: 'partial', unserved: 'unserved' },
  saved: {
    heading: 'Saved scenarios',
    name: 'Scenario name',
    save: 'Save scenario',
    load: 'Open',
    remove: 'Delete',
    compare: 'Compare',
    compareHint: 'Tick scenarios to compare them',
    measure: 'Measure',
    edits: 'Edits',
  },
  suggest: {
    heading: 'Suggest site locations',
    by: 'By',
    count: 'Number of sites',
    budget: 'Budget (billion VND)',
    run: 'Suggest',
    busy: 'Finding locations…',
    done: 'Proposed {{count}} sites ({{duration}}). Edit them like any scenario.',
    name: 'Suggested: {{count}} {{tech}} sites, {{radius}} reach',
    confirmTitle: 'Replace the current edits?',
    confirmBody:
      'The suggestion replaces the {{count}} edits you have now with the suggested sites. Save the current scenario first to keep it.',
    confirm: 'Replace with the suggestion',
    cancel: 'Keep my edits',
    cancelled: 'Your edits were kept.',
  },
  export: { geojson: 'Export GeoJSON', csv: 'Export CSV' },
};

export const SCENARIO_STRINGS = { vi, en } as const;

export function useScenarioTranslation() {
  return useNamespace(SCENARIO_NS, SCENARIO_STRINGS);
}
