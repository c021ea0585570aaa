'use strict';
const { defineComponent, h, computed, ref } = require('vue');
const debounce = require('lodash.debounce');
const { layout } = require('grid-layout-core');

module.exports.TableGrid = defineComponent({
  name: 'TableGrid',
  props: { rows: { type: Array, required: true }, columns: { type: Array, required: true }, rowHeight: { type: Number, default: 32 } },
  setup(props) {
    const sortKey = ref(null);
    const dir = ref(1);
    const sorted = computed(() => {
      if (!sortKey.value) return props.rows;
      return [...props.rows].sort((a, b) => (a[sortKey.value] > b[sortKey.value] ? dir.value : -dir.value));
    });
    const onSort = debounce((key) => { dir.value = sortKey.value === key ? -dir.value : 1; sortKey.value = key; }, 50);
    return () => h('table', { class: 'tg' }, [
      h('thead', h('tr', props.columns.map((c) => h('th', { onClick: () => onSort(c.key) }, c.label)))),
      h('tbody', layout(sorted.value, props.rowHeight).map((r) => h('tr', props.columns.map((c) => h('td', r[c.key]))))),
    ]);
  },
});
