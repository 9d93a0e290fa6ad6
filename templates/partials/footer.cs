<?cs # The footer up to the language link (layout.cs closes it): a ?>
<?cs # fragment (tmpl.h), so only Store.*, Footer.* and Lang.*. ?>
<footer class="site-footer">
  <div class="wrap cols">
    <div>
      <p class="brand-small"><?cs var:Store.name ?></p>
      <p><?cs var:Lang.footer_about ?></p>
      <div id="footer-identity"><?cs include:"partials/identity.cs" ?></div>
    </div>
    <nav aria-label="<?cs var:Lang.content.policies ?>">
      <ul id="footer-policies">
        <?cs each:fp = Footer.pages ?><li><a href="/page/<?cs var:fp.slug ?>"><?cs var:fp.title ?></a></li>
        <?cs /each ?>
      </ul>
    </nav>
    <ul>
      <li><a href="/contact"><?cs var:Lang.contact ?></a></li>
      <li><a href="/faq"><?cs var:Lang.content.faq ?></a></li>
      <li><a href="/find-order"><?cs var:Lang.track.title ?></a></li>
      <li><a href="/search"><?cs var:Lang.search ?></a></li>
