const fs = require('fs');
module.exports = {
  async prepare(pluginConfig, { nextRelease, logger }) {
    const file = pluginConfig.changelogFile || 'CHANGELOG.md';
    const prev = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.writeFileSync(file, `${nextRelease.notes}\n\n${prev}`);
    logger.log('Updated %s', file);
  },
};
