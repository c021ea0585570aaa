const plugin = (() => { try { return require('tailwindcss/plugin'); } catch (e) { return (fn) => ({ handler: fn }); } })();
module.exports = plugin(({ addUtilities }) => {
  addUtilities({
    '.animate-in': { animation: 'enter 150ms ease-out' },
    '.animate-out': { animation: 'exit 150ms ease-in' },
  });
});
