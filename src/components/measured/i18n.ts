import { useNamespace } from '../../i18n/namespace.ts';

/** The measured views' own i18next namespace (challenge list, measured figures in the details). */
const MEASURED_NS = 'measured';

const vi = {
  heading: 'Mô hình và số đo không khớp',
  intro:
    'Thôn mà mô hình phủ sóng và số đo tốc độ hoặc ghi nhận thực địa nói khác nhau: gửi cho nhà mạng để kiểm tra.',
  noMeasured:
    'Chưa có số đo. Nhập tệp ô đo tốc độ (di động hoặc cố định), điểm đo tốc độ hoặc ghi nhận thực địa qua “Nhập dữ liệu…”.',
  loadingSample: 'Đang tải số đo mẫu (minh họa) và phân tích lại…',
  illustrative: 'Số đo mẫu, chỉ để minh họa.',
  none: 'Không thôn nào: mô hình và số đo khớp nhau.',
  over: 'Mô hình nói có 4G/5G, số đo nói không ({{count}})',
  under: 'Mô hình nói vùng trắng, số đo tốt ({{count}})',
  reason: {
    failingTests:
      'Mô hình phủ 4G/5G {{share}} thôn, nhưng {{tests}} lượt đo di động (có trọng số) trung bình chỉ {{down}} Mb/s tải xuống, {{up}} Mb/s tải lên — dưới ngưỡng không đạt {{failDown}}/{{failUp}} Mb/s.',
    noSignalReports: 'Mô hình phủ 4G/5G {{share}} thôn, nhưng {{reports}} ghi nhận thực địa báo mất sóng.',
    goodTests:
      'Mô hình chỉ phủ 4G/5G {{share}} thôn, nhưng {{tests}} lượt đo di động trung bình {{down}} Mb/s tải xuống, {{up}} Mb/s tải lên — đạt mục tiêu 4G {{target}} Mb/s.',
  },
  exportCsv: 'Tải CSV',
  exportXlsx: 'Tải Excel (.xlsx)',
  sheet: 'Đối chiếu',
  exportGeojson: 'Tải GeoJSON',
  exported: 'Đã lưu {{name}}.',
  details: {
    heading: 'Số đo thực tế',
    mobile: 'Di động',
    fixed: 'Cố định',
    tests: 'Lượt đo (có trọng số)',
    down: 'Tải xuống',
    up: 'Tải lên',
    latency: 'Độ trễ',
    points: 'Điểm đo trong thôn',
    pointsValue: '{{count}} (trung vị {{down}}), {{noService}} mất sóng',
    quality: 'Chất lượng',
    reports: 'Ghi nhận thực địa',
    reportsValue: '{{noSignal}} mất sóng, {{weak}} sóng yếu, {{ok}} tốt',
    noData: '—',
  },
  quality: {
    meets_target: 'Đạt mục tiêu',
    below_target: 'Dưới mục tiêu',
    failing: 'Không đạt',
    no_data: 'Chưa có số đo',
  },
};

type Strings = typeof vi;

const en: Strings = {
  heading: 'Where the model and the measurements disagree',
  intro:
    'Hamlets where the coverage model and the speed tests or field reports say different things: send them to the operator to check.',
  noMeasured:
    'No measurements yet. Import a speed-test tile file (mobile or fixed), speed-test points or field reports with “Import data…”.',
  loadingSample: 'Loading the sample measurements (illustrative) and analysing again…',
  illustrative: 'Sample measurements, illustrative only.',
  none: 'None: the model and the measurements agree.',
  over: 'Model says 4G/5G, measurements say no ({{count}})',
  under: 'Model says white, measurements are good ({{count}})',
  reason: {
    failingTests:
      'The model gives {{share}} of it 4G/5G, but {{tests}} weighted mobile tests average only {{down}} Mb/s down and {{up}} Mb/s up — below the failing limit of {{failDown}}/{{failUp}} Mb/s.',
    noSignalReports:
      'The model gives {{share}} of it 4G/5G, but {{reports}} field reports say there is no signal.',
    goodTests:
      'The model gives only {{share}} of it 4G/5G, but {{tests}} weighted mobile tests average {{down}} Mb/s down and {{up}} Mb/s up — at the 4G target of {{target}} Mb/s or above.',
  },
  exportCsv: 'Download CSV',
  exportXlsx: 'Download Excel (.xlsx)',
  sheet: 'Challenges',
  exportGeojson: 'Download GeoJSON',
  exported: 'Saved {{name}}.',
  details: {
    heading: 'Measured',
    mobile: 'Mobile',
    fixed: 'Fixed',
    tests: 'Tests (weighted)',
    down: 'Download',
    up: 'Upload',
    latency: 'Latency',
    points: 'Test points in the hamlet',
    pointsValue: '{{count}} (median {{down}}), {{noService}} without service',
    quality: 'Quality',
    reports: 'Field reports',
    reportsValue: '{{noSignal}} no signal, {{weak}} weak, {{ok}} ok',
    noData: '—',
  },
  quality: {
    meets_target: 'Meets the target',
    below_target: 'Below the target',
    failing: 'Failing',
    no_data: 'No measurements',
  },
};

const MEASURED_STRINGS = { vi, en } as const;

/** `t` over the measured namespace, added to the app's (or a test's) i18next instance on first use. */
export function useMeasuredTranslation() {
  return useNamespace(MEASURED_NS, MEASURED_STRINGS);
}
