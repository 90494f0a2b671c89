import { useNamespace } from '../../i18n/namespace.ts';

/** The field reports' own i18next namespace, so they add no keys to the app's string files. */
const FIELD_NS = 'field';

const vi = {
  reportHere: 'Ghi nhận tại đây',
  pickOnMap: 'Chọn trên bản đồ',
  locating: 'Đang lấy vị trí…',
  pickHint: 'Nhấn vào bản đồ tại nơi ghi nhận.',
  cancel: 'Huỷ',
  close: 'Đóng',
  geo: {
    denied:
      'Trình duyệt không cho phép lấy vị trí. Cho phép truy cập vị trí trong cài đặt trình duyệt, hoặc chọn nơi ghi nhận trên bản đồ.',
    unavailable:
      'Không lấy được vị trí (không có GPS hoặc tín hiệu định vị). Hãy chọn nơi ghi nhận trên bản đồ.',
    timeout: 'Lấy vị trí quá lâu. Thử lại ở nơi thoáng, hoặc chọn nơi ghi nhận trên bản đồ.',
    unsupported: 'Trình duyệt này không định vị được. Hãy chọn nơi ghi nhận trên bản đồ.',
  },
  form: {
    title: 'Ghi nhận thực địa',
    editTitle: 'Sửa ghi nhận',
    place: 'Vị trí: {{lat}}, {{lon}}',
    gps: 'theo GPS, sai số khoảng {{m}} m',
    map: 'chọn trên bản đồ',
    saved: 'như đã ghi',
    result: 'Kết quả',
    operator: 'Nhà mạng',
    unknown: '— không rõ —',
    other: 'Khác…',
    otherName: 'Tên nhà mạng khác',
    tech: 'Công nghệ',
    fixed: 'Cố định (cáp)',
    speed: 'Tốc độ đo được (không bắt buộc)',
    down: 'Tải xuống (Mb/s)',
    up: 'Tải lên (Mb/s)',
    badSpeed: 'Nhập số Mb/s từ 0 trở lên, hoặc để trống.',
    note: 'Ghi chú',
    save: 'Lưu ghi nhận',
  },
  result: { no_signal: 'Không có sóng', weak: 'Sóng yếu', ok: 'Dùng được' },
  panel: {
    tab: 'Ghi nhận',
    heading: 'Ghi nhận thực địa',
    intro:
      'Ghi lại nơi không có sóng, sóng yếu hay dùng được. Ghi nhận được lưu trong trình duyệt này, ghi được cả khi không có mạng, và được đưa vào phân tích ngay.',
    empty: 'Chưa có ghi nhận nào. Nhấn “Ghi nhận tại đây” trên bản đồ.',
    count: '{{count}} ghi nhận',
    list: 'Các ghi nhận, mới nhất trước',
    place: '{{lat}}, {{lon}}',
    speed: '↓ {{down}} · ↑ {{up}} Mb/s',
    edit: 'Sửa',
    delete: 'Xoá',
    deleted: 'Đã xoá ghi nhận lúc {{time}}.',
    undo: 'Hoàn tác',
    export: 'Xuất GeoJSON',
    import: 'Nhập GeoJSON…',
    imported: 'Đã nhập từ {{name}}: {{added}} ghi nhận mới, {{updated}} cập nhật.',
    skipped: 'Số đối tượng bị bỏ qua: {{count}}',
    importFailed: 'Không nhập được: {{message}}',
    saveFailed:
      'Chưa lưu được vào trình duyệt này ({{message}}). Các ghi nhận vẫn còn trên màn hình: hãy xuất GeoJSON để giữ chúng, giải phóng dung lượng rồi thử lưu lại.',
    retry: 'Thử lưu lại',
  },
};

type Strings = typeof vi;

const en: Strings = {
  reportHere: 'Report here',
  pickOnMap: 'Choose on the map',
  locating: 'Finding your position…',
  pickHint: 'Tap the map where the report is made.',
  cancel: 'Cancel',
  close: 'Close',
  geo: {
    denied:
      'The browser did not allow your position. Allow location access in the browser settings, or choose the place on the map.',
    unavailable:
      'Your position could not be found (no GPS or no location signal). Choose the place on the map.',
    timeout: 'Finding your position took too long. Try again in the open, or choose the place on the map.',
    unsupported: 'This browser cannot tell your position. Choose the place on the map.',
  },
  form: {
    title: 'Field report',
    editTitle: 'Edit report',
    place: 'Place: {{lat}}, {{lon}}',
    gps: 'by GPS, within about {{m}} m',
    map: 'chosen on the map',
    saved: 'as recorded',
    result: 'Result',
    operator: 'Operator',
    unknown: '— not known —',
    other: 'Other…',
    otherName: 'Name of the other operator',
    tech: 'Technology',
    fixed: 'Fixed line',
    speed: 'Measured speed (optional)',
    down: 'Download (Mb/s)',
    up: 'Upload (Mb/s)',
    badSpeed: 'Enter Mb/s, 0 or more, or leave it empty.',
    note: 'Note',
    save: 'Save report',
  },
  result: { no_signal: 'No signal', weak: 'Weak signal', ok: 'Usable' },
  panel: {
    tab: 'Reports',
    heading: 'Field reports',
    intro:
      'Record where there is no signal, a weak one or a usable one. Reports are kept in this browser, can be recorded with no network, and count in the analysis at once.',
    empty: 'No reports yet. Press “Report here” on the map.',
    count: 'Reports: {{count}}',
    list: 'Reports, newest first',
    place: '{{lat}}, {{lon}}',
    speed: '↓ {{down}} · ↑ {{up}} Mb/s',
    edit: 'Edit',
    delete: 'Delete',
    deleted: 'Deleted the report of {{time}}.',
    undo: 'Undo',
    export: 'Export GeoJSON',
    import: 'Import GeoJSON…',
    imported: 'Imported from {{name}}: {{added}} new reports, {{updated}} updated.',
    skipped: 'Features left out: {{count}}',
    importFailed: 'Could not import: {{message}}',
    saveFailed:
      'Not saved in this browser ({{message}}). The reports are still on screen: export them as GeoJSON to keep them, free some space, then try saving again.',
    retry: 'Try saving again',
  },
};

const FIELD_STRINGS = { vi, en } as const;

export function useFieldTranslation() {
  return useNamespace(FIELD_NS, FIELD_STRINGS);
}
