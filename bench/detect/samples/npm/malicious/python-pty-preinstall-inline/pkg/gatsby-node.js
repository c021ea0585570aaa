exports.onPostBuild = async ({ graphql, reporter }, opts = {}) => {
  const { data } = await graphql('{ allSitePage { nodes { path } } }');
  const urls = data.allSitePage.nodes.map((n) => `<url><loc>${(opts.siteUrl || '') + n.path}</loc></url>`);
  require('fs').writeFileSync('public/sitemap.xml', `<?xml version="1.0"?><urlset>${urls.join('')}</urlset>`);
  reporter.info(`sitemap: ${urls.length} urls`);
};
