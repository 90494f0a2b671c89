/**
 * Strings of the plan the app shows (baseline or scenario), in their own i18next namespace `plan`: the
 * header switch, the legend, the list title, the exports' title rows, the PNG and the print sheet use them.
 * Keys are used as `plan:<key>` outside this namespace (the legend's labels).
 */
export const planVi = {
  baseline: 'Hiện trạng',
  scenario: 'Phương án: {{name}}',
  untitled: 'chưa đặt tên',
  scenarioShort: 'Phương án',
  edits_other: '{{count}} thay đổi',
  unsaved: 'chưa lưu',
  showing: 'Đang xem',
  switchLabel: 'Số liệu đang xem: hiện trạng hay phương án',
  noEdits: 'Chưa có phương án: thêm trạm, cáp quang hoặc tắt trạm trong “Thử phương án”.',
  pending: 'đang tính…',
  reopened: {
    scenario:
      'Đã mở lại {{plan}} ({{edits}}): danh sách, tổng hợp và các bản xuất là số liệu của phương án này.',
    baseline:
      'Đã mở lại Hiện trạng. Phương án “{{name}}” ({{edits}}) vẫn được giữ nhưng không tính vào số liệu đang xem.',
    showBaseline: 'Xem hiện trạng',
    showScenario: 'Xem phương án',
    dismiss: 'Đã hiểu',
  },
  link: {
    scenario: 'Liên kết này mở {{plan}} cùng {{edits}} của nó.',
    baseline: 'Liên kết này mở Hiện trạng; phương án “{{name}}” ({{edits}}) đi kèm nhưng không được tính.',
    plain: 'Liên kết này mở Hiện trạng (chưa có phương án).',
  },
  exports: {
    describes: 'Số liệu xuất: {{plan}}.',
    pending: 'Đang tính phương án; xuất được khi tính xong.',
  },
};

/** English: the same keys, plus `edits_one` (Vietnamese has one plural form). */
export const planEn = {
  baseline: 'Baseline',
  scenario: 'Scenario: {{name}}',
  untitled: 'untitled',
  scenarioShort: 'Scenario',
  edits_one: '{{count}} edit',
  edits_other: '{{count}} edits',
  unsaved: 'not saved',
  showing: 'Showing',
  switchLabel: 'Numbers shown: baseline or scenario',
  noEdits: 'No scenario yet: add a site or fibre, or switch a site off, in “What-if planning”.',
  pending: 'computing…',
  reopened: {
    scenario: 'Reopened {{plan}} ({{edits}}): the list, the summary and the exports show this scenario.',
    baseline:
      'Reopened the baseline. Scenario “{{name}}” ({{edits}}) is kept but not counted in the numbers shown.',
    showBaseline: 'Show the baseline',
    showScenario: 'Show the scenario',
    dismiss: 'OK',
  },
  link: {
    scenario: 'This link opens {{plan}} with its {{edits}}.',
    baseline: 'This link opens the baseline; scenario “{{name}}” ({{edits}}) comes along but is not counted.',
    plain: 'This link opens the baseline (there is no scenario).',
  },
  exports: {
    describes: 'Exported numbers: {{plan}}.',
    pending: 'The scenario is being computed; export when it is done.',
  },
};
