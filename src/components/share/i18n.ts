import { useNamespace } from '../../i18n/namespace.ts';

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
    tooLong:
      'Các chỉnh sửa kịch bản làm liên kết dài {{kb}} KB, quá giới hạn {{limit}} KB, nên liên kết không mang chúng. Để chia sẻ kịch bản, hãy lưu tệp dự án.',
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
    more: '… và {{count}} điều khác.',
  },
  problem: {
    tooLong:
      'Liên kết dài {{kb}} KB; liên kết quá {{limit}} KB không được mở. Hãy xin tệp dự án để mở đầy đủ.',
    noVersion:
      'Đây không phải liên kết khung nhìn của Vùng Trắng (không có phiên bản); chỉ vị trí bản đồ (nếu có) được mở.',
    newer:
      'Liên kết do phiên bản mới hơn tạo (v{{version}}); phiên bản này đọc tới v{{supported}}, nên chỉ vị trí bản đồ được mở.',
    damaged: 'Liên kết bị hỏng (không đọc được dữ liệu khung nhìn); chỉ vị trí bản đồ (nếu có) được mở.',
    notObject: 'Liên kết bị hỏng (dữ liệu khung nhìn không đúng dạng); chỉ vị trí bản đồ được mở.',
    badPosition: 'Vị trí bản đồ trong liên kết không hợp lệ; bản đồ giữ nguyên.',
    unknownLayers: 'Một số lớp trong liên kết phiên bản này không biết; chúng được ẩn.',
    badLayers: 'Không đọc được các lớp đang hiện trong liên kết; giữ các lớp hiện tại.',
    badColour: 'Cách tô màu thôn trong liên kết không rõ; giữ cách tô hiện tại.',
    badArea: 'Không đọc được khu vực đã chọn trong liên kết; hiện toàn tỉnh.',
    badHamlet: 'Không đọc được thôn đã chọn trong liên kết; chưa chọn thôn nào.',
    badLanguage: 'Ngôn ngữ {{value}} trong liên kết không rõ; giữ ngôn ngữ hiện tại.',
    unknownFields: 'Liên kết có {{count}} trường phiên bản này không biết ({{names}}); đã bỏ qua.',
    badFilters: 'Không đọc được bộ lọc trong liên kết; không áp dụng bộ lọc nào.',
    badFilter: 'Không đọc được bộ lọc {{filter}} trong liên kết; bộ lọc này không được áp dụng.',
    v0Empty: 'Liên kết cũ (v0) không có khung nhìn đọc được.',
    v0Layer: 'Lớp {{name}} của liên kết cũ không còn nữa.',
    v0Field: '{{name}} của liên kết cũ không còn tương ứng; đã bỏ qua.',
    scenarioNotList: 'Không khôi phục được các chỉnh sửa kịch bản: chúng không phải một danh sách.',
    badScenarioName: 'Không đọc được tên kịch bản trong liên kết; kịch bản được hiện không tên.',
    badUnits: 'Hệ đơn vị hành chính trong liên kết không rõ; dùng đơn vị hiện hành (từ 1/7/2025).',
    badOperator: 'Không đọc được nhà mạng trong liên kết; hiện tất cả nhà mạng.',
    badLensRanking: 'Cách xếp hạng trong liên kết không rõ; danh sách xếp theo cài đặt.',
    lensNoOperator:
      'Liên kết xếp hạng theo vùng thiếu của một nhà mạng nhưng không nêu nhà mạng; danh sách xếp theo cài đặt.',
    badComparison: 'Không đọc được hai phiên bản cần so sánh trong liên kết; không hiện so sánh.',
    editDropped: 'Đã bỏ chỉnh sửa kịch bản số {{index}}: {{reason}}.',
    scenarioRefused: 'Không khôi phục được các chỉnh sửa kịch bản ({{detail}}).',
  },
  consent: {
    heading: 'Liên kết này muốn bật nền bản đồ OpenStreetMap',
    body: 'Nền bản đồ tải ảnh từ tile.openstreetmap.org, một máy chủ bên ngoài: máy chủ đó sẽ thấy địa chỉ IP của bạn và vùng bạn xem. Khi bạn chưa cho phép, Vùng Trắng không tải gì từ bên ngoài. Trình duyệt này sẽ nhớ lựa chọn của bạn.',
    allow: 'Cho phép và bật nền',
    deny: 'Không, giữ bản đồ ngoại tuyến',
  },
  filter: {
    district: 'huyện',
    commune: 'xã',
    status: 'tình trạng',
    tier: 'nhóm ưu tiên',
    gap: 'loại thiếu hụt',
    search: 'tìm kiếm',
  },
  reason: {
    notFeature: 'không phải một đối tượng',
    type: 'loại hình học không rõ',
    coordinates: 'toạ độ không phải kinh độ/vĩ độ hợp lệ',
    properties: 'thuộc tính không đúng dạng',
    id: 'mã không phải chữ hay số',
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
    tooLong:
      'The what-if edits would make the link {{kb}} KB long, over the {{limit}} KB limit, so the link leaves them out. To share the scenario, save a project file.',
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
    more: '… and {{count}} more.',
  },
  problem: {
    tooLong:
      'The link is {{kb}} KB long; links over {{limit}} KB are not opened. Ask for a project file instead.',
    noVersion:
      'The link is not a Vùng Trắng view link (no version); only the map position, if any, was restored.',
    newer:
      'The link was made by a newer version (v{{version}}); this version reads up to v{{supported}}, so only the map position was restored.',
    damaged:
      'The link is damaged (its view data cannot be read); only the map position, if any, was restored.',
    notObject: 'The link is damaged (its view data is not an object); only the map position was restored.',
    badPosition: 'The map position in the link is not valid; the map was not moved.',
    unknownLayers: 'Some layers in the link are unknown to this version and stay hidden.',
    badLayers: 'The visible layers could not be read from the link; the current layers are kept.',
    badColour: 'The hamlet colouring in the link is unknown; the current colouring is kept.',
    badArea: 'The selected area in the link could not be read; the whole province is shown.',
    badHamlet: 'The selected hamlet in the link could not be read; no hamlet is selected.',
    badLanguage: 'The language {{value}} in the link is unknown; the current language is kept.',
    unknownFields:
      'The link holds {{count}} fields this version does not know ({{names}}); they were ignored.',
    badFilters: 'The filters in the link could not be read; no filter is applied.',
    badFilter: 'The {{filter}} filter in the link could not be read and is not applied.',
    v0Empty: 'The old (v0) link holds no readable view.',
    v0Layer: 'Layer {{name}} from the old link no longer exists.',
    v0Field: '{{name}} from the old link has no equivalent now and was ignored.',
    scenarioNotList: 'Scenario edits were not restored: they are not a list.',
    badScenarioName: 'The scenario name in the link could not be read; the scenario is shown unnamed.',
    badUnits: 'The unit system in the link is unknown; the current units (since 1 July 2025) are used.',
    badOperator: 'The operator in the link could not be read; all operators are shown.',
    badLensRanking: 'The ranking in the link is unknown; the list is ranked by the settings.',
    lensNoOperator:
      "The link ranks by an operator's gap but names no operator; the list is ranked by the settings.",
    badComparison: 'The versions compared in the link could not be read; no comparison is shown.',
    editDropped: 'Scenario edit {{index}} was dropped: {{reason}}.',
    scenarioRefused: "The scenario's edits were not restored ({{detail}}).",
  },
  consent: {
    heading: 'This link asks for the OpenStreetMap basemap',
    body: 'The basemap loads images from tile.openstreetmap.org, an outside server, which then sees your IP address and the area you view. Until you allow it, Vùng Trắng loads nothing from outside. This browser will remember your answer.',
    allow: 'Allow and show the basemap',
    deny: 'No, keep the offline map',
  },
  filter: {
    district: 'district',
    commune: 'commune',
    status: 'status',
    tier: 'tier',
    gap: 'technology gap',
    search: 'search',
  },
  reason: {
    notFeature: 'it is not a feature',
    type: 'its geometry type is unknown',
    coordinates: 'its coordinates are not valid longitude/latitude',
    properties: 'its properties are not an object',
    id: 'its id is neither text nor a number',
  },
};

export const SHARE_STRINGS = { vi, en } as const;

export function useShareTranslation() {
  return useNamespace(SHARE_NS, SHARE_STRINGS);
}
