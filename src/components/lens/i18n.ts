import { useNamespace } from '../../i18n/namespace.ts';

/** The operator lens's own i18next namespace, so it adds few keys to the app's string files. */
export const LENS_NS = 'lens';

const vi = {
  select: {
    label: 'Nhà mạng',
    all: 'Tất cả nhà mạng',
    missing: 'Dữ liệu không có nhà mạng “{{operator}}”: đang xem tất cả nhà mạng.',
  },
  tab: 'Nhà mạng',
  heading: 'Góc nhìn nhà mạng',
  intro:
    'Chọn một nhà mạng để xem vùng phủ 4G/5G của nhà mạng đó, vùng chỉ nhà mạng khác phủ và vùng chưa nhà mạng nào phủ.',
  viewing: 'Đang xem: {{operator}}',
  viewingAll: 'Đang xem: tất cả nhà mạng (số nhà mạng có 4G/5G ở mỗi thôn)',
  ranking: {
    label: 'Xếp hạng danh sách theo',
    pooled: 'Cài đặt xếp hạng chung',
    'operator-commercial': 'Nhà mạng — thương mại',
    'public-fund': 'Quỹ dịch vụ viễn thông công ích',
    needsOperator: 'Chọn một nhà mạng để xếp hạng theo vùng thiếu của nhà mạng đó.',
    about: {
      pooled: 'Theo tình trạng phủ băng rộng chung và trọng số trong Cài đặt.',
      'operator-commercial':
        'Các thôn mà {{operator}} chưa phủ 4G/5G cho ít nhất {{served}} số hộ: điểm = tổng các tiêu chí dưới đây, mỗi tiêu chí chuẩn hoá 0–1 trên các thôn đó.',
      'public-fund':
        'Chỉ các thôn chưa nhà mạng nào phủ 4G/5G (≤ {{noMbb}} số hộ): điểm = tổng các tiêu chí dưới đây, mỗi tiêu chí chuẩn hoá 0–1 trên các thôn đó.',
    },
    weight: 'trọng số {{weight}}',
  },
  criteria: {
    gapHouseholds: 'Hộ chưa có 4G/5G của nhà mạng',
    competitorShareOfGap: 'Phần đã có nhà mạng khác phủ',
    competitors: 'Số nhà mạng khác có 4G/5G',
    whiteHouseholds: 'Hộ chưa nhà mạng nào phủ',
    facilities: 'Cơ quan trong vùng trắng, vùng lõm',
    remotenessM: 'Khoảng cách đến trạm 4G/5G gần nhất',
  },
  criteriaHelp: {
    gapHouseholds: 'Càng nhiều hộ nhà mạng chưa phủ, điểm càng cao.',
    competitorShareOfGap: 'Nhu cầu đã được chứng minh và có trạm để dùng chung: càng cao càng ưu tiên.',
    competitors: 'Nhiều đối thủ hơn thì mất khách nhanh hơn nếu không phủ.',
    whiteHouseholds: 'Càng nhiều hộ không có 4G/5G của bất kỳ nhà mạng nào, điểm càng cao.',
    facilities: 'Trường học, trạm y tế, UBND xã chưa có băng rộng.',
    remotenessM: 'Càng xa trạm hiện có thì thị trường càng khó tự phủ; không có trạm nào: xa nhất.',
  },
  details: {
    heading: 'Góc nhìn {{operator}}',
    headingAll: 'Nhà mạng',
    market: 'Số nhà mạng có 4G/5G',
    shares: 'Không: {{white}} · Một: {{grey}} · Từ hai: {{black}}',
    operator: 'Nhà mạng',
    mbb: '4G/5G',
    fibre: 'Cáp quang',
    noOperator: 'Không nhà mạng nào có 4G/5G hay cáp quang ở thôn này.',
    own: '4G/5G của {{operator}}',
    gap: 'Hộ chưa có 4G/5G của {{operator}}',
    competitorOnly: 'trong đó chỉ nhà mạng khác phủ',
    white: 'trong đó chưa nhà mạng nào phủ',
    competitors: 'Nhà mạng khác có 4G/5G ở thôn',
    rank: 'Hạng {{rank}} theo “{{preset}}”',
    notRanked: 'Không thuộc diện xếp hạng theo “{{preset}}”.',
    breakdown: 'Vì sao xếp ở đây',
    total: 'Tổng điểm',
    noSite: 'không có trạm 4G/5G nào',
  },
  area: {
    heading: 'Nhà mạng ở {{name}}',
    market: 'Hộ theo số nhà mạng có 4G/5G',
    byOperator: 'Theo nhà mạng',
    hamletsWithMbb: 'Thôn có 4G/5G',
    own: 'Hộ có 4G/5G của {{operator}}',
    fibre: 'Hộ có cáp quang của {{operator}}',
    gap: 'Hộ chưa có 4G/5G của {{operator}}',
    competitorOnly: 'chỉ nhà mạng khác phủ (mục tiêu thương mại)',
    white: 'chưa nhà mạng nào phủ (mục tiêu quỹ công ích)',
  },
  list: {
    note: 'Xếp theo “{{preset}}”',
    noteOperator: 'Xếp theo “{{preset}}” cho {{operator}}',
    gapColumn: 'Hộ thiếu 4G/5G',
    whiteColumn: 'Hộ chưa nhà mạng nào',
  },
  colocation: {
    heading: 'Dùng chung trạm cho {{operator}}',
    intro:
      'Trạm của nhà mạng khác ({{share}} mỗi trạm) và trạm chỉ có 2G/3G của {{operator}} (nâng cấp, {{upgrade}}) nơi 4G của {{operator}} phủ thêm hộ chưa có; xếp theo số hộ được phủ thêm.',
    chooseOperator: 'Chọn một nhà mạng để xem các trạm có thể dùng chung.',
    busy: 'Đang tìm trạm…',
    none: 'Không có trạm nào giúp {{operator}} phủ thêm từ một hộ.',
    count: '{{count}} trạm, trong số {{considered}} trạm đã xét',
    site: 'Trạm',
    gained: 'Hộ phủ thêm',
    perHousehold: 'Chi phí / hộ',
    share: 'dùng chung',
    upgrade: 'nâng cấp',
    selected:
      'Trạm {{id}} ({{owner}}, {{kind}}): bán kính {{radius}}, {{cost}}; phủ thêm {{households}} hộ ở {{hamlets}} thôn.',
    hamlet: '{{name}}: +{{households}} hộ',
    add: 'Thêm vào phương án',
    added: 'Đã thêm {{id}} vào phương án.',
    close: 'Bỏ chọn',
    delta: 'Phương án hiện tại: {{operator}} có thêm 4G/5G cho {{households}} hộ; chi phí {{cost}}.',
    error: 'Không tìm được trạm: {{message}}',
  },
};

type Strings = typeof vi;

const en: Strings = {
  select: {
    label: 'Operator',
    all: 'All operators',
    missing: 'The data hold no operator “{{operator}}”: showing all operators.',
  },
  tab: 'Operators',
  heading: 'Operator view',
  intro:
    'Choose an operator to see its 4G/5G coverage, where only its competitors cover, and where no operator does.',
  viewing: 'Viewing: {{operator}}',
  viewingAll: 'Viewing: all operators (how many give 4G/5G in each hamlet)',
  ranking: {
    label: 'Rank the list by',
    pooled: 'The general ranking settings',
    'operator-commercial': 'Operator — commercial',
    'public-fund': 'Public-utility telecom fund',
    needsOperator: 'Choose an operator to rank by its gaps.',
    about: {
      pooled: 'By pooled broadband coverage and the weights in Settings.',
      'operator-commercial':
        'Hamlets where {{operator}} gives 4G/5G to fewer than {{served}} of households: score = the sum of the criteria below, each normalised 0–1 over those hamlets.',
      'public-fund':
        'Only hamlets where no operator gives 4G/5G (≤ {{noMbb}} of households): score = the sum of the criteria below, each normalised 0–1 over those hamlets.',
    },
    weight: 'weight {{weight}}',
  },
  criteria: {
    gapHouseholds: 'Households without the operator’s 4G/5G',
    competitorShareOfGap: 'Share of that already covered by competitors',
    competitors: 'Competitors with 4G/5G',
    whiteHouseholds: 'Households no operator covers',
    facilities: 'Facilities in white or weak zones',
    remotenessM: 'Distance to the nearest 4G/5G site',
  },
  criteriaHelp: {
    gapHouseholds: 'The more households the operator does not reach, the higher.',
    competitorShareOfGap: 'Proven demand and towers to share: the higher, the sooner.',
    competitors: 'More competitors: customers lost faster without coverage.',
    whiteHouseholds: 'The more households without any operator’s 4G/5G, the higher.',
    facilities: 'Schools, health stations, commune offices without broadband.',
    remotenessM:
      'The farther from a standing site, the less the market will reach it; no site at all: farthest.',
  },
  details: {
    heading: '{{operator}} view',
    headingAll: 'Operators',
    market: 'Operators with 4G/5G',
    shares: 'None: {{white}} · One: {{grey}} · Two or more: {{black}}',
    operator: 'Operator',
    mbb: '4G/5G',
    fibre: 'Fibre',
    noOperator: 'No operator has 4G/5G or fibre in this hamlet.',
    own: '{{operator}} 4G/5G',
    gap: 'Households without {{operator}} 4G/5G',
    competitorOnly: 'of which only competitors cover',
    white: 'of which no operator covers',
    competitors: 'Other operators with 4G/5G here',
    rank: 'Rank {{rank}} by “{{preset}}”',
    notRanked: 'Not ranked by “{{preset}}”.',
    breakdown: 'Why it ranks here',
    total: 'Score',
    noSite: 'no 4G/5G site at all',
  },
  area: {
    heading: 'Operators in {{name}}',
    market: 'Households by operators with 4G/5G',
    byOperator: 'By operator',
    hamletsWithMbb: 'Hamlets with 4G/5G',
    own: 'Households with {{operator}} 4G/5G',
    fibre: 'Households with {{operator}} fibre',
    gap: 'Households without {{operator}} 4G/5G',
    competitorOnly: 'only competitors cover (commercial target)',
    white: 'no operator covers (public-fund target)',
  },
  list: {
    note: 'Ranked by “{{preset}}”',
    noteOperator: 'Ranked by “{{preset}}” for {{operator}}',
    gapColumn: 'Households without 4G/5G',
    whiteColumn: 'Households no operator covers',
  },
  colocation: {
    heading: 'Tower sharing for {{operator}}',
    intro:
      'Other operators’ sites ({{share}} each) and {{operator}}’s own 2G/3G-only sites (an upgrade, {{upgrade}}) where {{operator}}’s 4G would reach households it does not cover; by households gained.',
    chooseOperator: 'Choose an operator to see the sites it could share.',
    busy: 'Looking for sites…',
    none: 'No site would bring {{operator}} one more household.',
    count: '{{count}} sites, of {{considered}} looked at',
    site: 'Site',
    gained: 'Households gained',
    perHousehold: 'Cost / household',
    share: 'share',
    upgrade: 'upgrade',
    selected:
      'Site {{id}} ({{owner}}, {{kind}}): radius {{radius}}, {{cost}}; {{households}} more households in {{hamlets}} hamlets.',
    hamlet: '{{name}}: +{{households}} households',
    add: 'Add to the scenario',
    added: 'Added {{id}} to the scenario.',
    close: 'Deselect',
    delta: 'Current scenario: {{households}} more households with {{operator}} 4G/5G; cost {{cost}}.',
    error: 'Could not look for sites: {{message}}',
  },
};

export const LENS_STRINGS = { vi, en } as const;

export function useLensTranslation() {
  return useNamespace(LENS_NS, LENS_STRINGS);
}
