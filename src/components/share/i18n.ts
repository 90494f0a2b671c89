import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The Share panel's own i18next namespace, so it adds no keys to the app's string files. */
export const SHARE_NS = 'share';

const vi = {
  open: 'Chia sẻ, in và xuất',
  heading: 'Chia sẻ và xuất',
  close: 'Đóng',
  link: {
    heading: 'Liên kết tới khung nhìn này',
    hint: 'Mở liên kết sẽ thấy đúng vị trí bản đồ, lớp, bộ lọc, khu vực, thôn đang chọn, thiết lập và phương án.',
    copy: 'Sao chép liên kết',
    copied: 'Đã sao chép liên kết.',
    copyFailed: 'Trình duyệt không cho sao chép tự động; hãy chọn liên kết trong ô và sao chép.',
    field: 'Liên kết',
  },
  png: {
    heading: 'Ảnh bản đồ (PNG)',
    title: 'Tiêu đề trên ảnh',
    screen: 'Như trên màn hình',
    a4: 'A4 ngang, 150 dpi',
    a3: 'A3 ngang, 150 dpi',
    busy: 'Đang vẽ ảnh {{size}}…',
    done: 'Đã tải về {{name}} ({{width}} × {{height}} điểm ảnh).',
    failed: 'Không tạo được ảnh: {{message}}',
    noMap: 'Bản đồ chưa sẵn sàng.',
    north: 'B',
    attribution: 'Ranh giới: gis.chinhphu.vn (dvhcvn), vietnam63; số hộ: Tổng điều tra 2019 (TCTK)',
  },
  exports: {
    heading: 'Xuất dữ liệu',
    filtered: 'Theo bộ lọc hiện tại: {{count}} thôn.',
    'ranking-xlsx': 'Danh sách xếp hạng và tổng hợp (Excel .xlsx)',
    'ranking-csv': 'Danh sách xếp hạng (CSV cho phần mềm khác)',
    'ranking-geojson': 'Danh sách xếp hạng kèm ranh giới (GeoJSON)',
    'white-geojson': 'Vùng trắng (GeoJSON)',
    'weak-geojson': 'Vùng lõm (GeoJSON)',
    'summary-csv': 'Tổng hợp khu vực đang chọn (CSV)',
    done: 'Đã tải về {{name}}.',
    failed: 'Không xuất được tệp: {{message}}',
    none: 'Chưa có kết quả phân tích để xuất.',
  },
  print: { button: 'In trang A4', hint: 'Bản in gồm bản đồ, chú giải và 15 thôn đứng đầu danh sách.' },
  notice: {
    heading: 'Liên kết chưa khôi phục được đầy đủ',
    intro: 'Phần còn lại của khung nhìn đã được mở. Chi tiết:',
    dismiss: 'Đã hiểu',
  },
};

type Strings = typeof vi;

const en: Strings = {
  open: 'Share, print and export',
  heading: 'Share and export',
  close: 'Close',
  link: {
    heading: 'Link to this view',
    hint: 'The link opens the same map position, layers, filters, area, selected hamlet, settings and scenario.',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'The browser blocked copying; select the link in the box and copy it.',
    field: 'Link',
  },
  png: {
    heading: 'Map image (PNG)',
    title: 'Title on the image',
    screen: 'As on screen',
    a4: 'A4 landscape, 150 dpi',
    a3: 'A3 landscape, 150 dpi',
    busy: 'Drawing the {{size}} image…',
    done: 'Downloaded {{name}} ({{width}} × {{height}} px).',
    failed: 'Could not make the image: {{message}}',
    noMap: 'The map is not ready yet.',
    north: 'N',
    attribution: 'Boundaries: gis.chinhphu.vn (dvhcvn), vietnam63; households: 2019 Census (GSO)',
  },
  exports: {
    heading: 'Export data',
    filtered: 'With the current filters: {{count}} hamlets.',
    'ranking-xlsx': 'Ranked list and summary (Excel .xlsx)',
    'ranking-csv': 'Ranked list (CSV for other tools)',
    'ranking-geojson': 'Ranked list with boundaries (GeoJSON)',
    'white-geojson': 'White zones (GeoJSON)',
    'weak-geojson': 'Weak zones (GeoJSON)',
    'summary-csv': 'Summary of the selected area (CSV)',
    done: 'Downloaded {{name}}.',
    failed: 'Could not export the file: {{message}}',
    none: 'No analysis result to export yet.',
  },
  print: {
    button: 'Print an A4 page',
    hint: 'The printout holds the map, the legend and the top 15 hamlets.',
  },
  notice: {
    heading: 'The link could not be fully restored',
    intro: 'The rest of the view was opened. Details:',
    dismiss: 'OK',
  },
};

export const SHARE_STRINGS = { vi, en } as const;

/** Adds the namespace to whichever i18next instance the app (or a test) provides; safe to call often. */
export function ensureShareStrings(instance: i18n): void {
  for (const lang of ['vi', 'en'] as const) {
    if (!instance.hasResourceBundle(lang, SHARE_NS)) {
      instance.addResourceBundle(lang, SHARE_NS, SHARE_STRINGS[lang]);
    }
  }
}

export function useShareTranslation() {
  const { i18n } = useTranslation();
  ensureShareStrings(i18n);
  return useTranslation(SHARE_NS);
}
