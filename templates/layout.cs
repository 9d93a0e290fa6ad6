<?cs # The page frame.  A page template defines title() and main() (and may
      define head() for extra tags); tmpl.c parses it first, then this file.
      Every var: here is HTML-escaped (Config.VarEscapeMode = html). ?><!doctype html>
<html lang="<?cs var:Lang.code ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs call:title() ?> · <?cs var:Store.name ?></title>
<link rel="stylesheet" href="/static/souk.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/souk.js" defer></script>
<?cs if:?Req.csrf ?><meta name="csrf-token" content="<?cs var:Req.csrf ?>"><?cs /if ?>
</head>
<body class="prog-<?cs var:Req.program ?>">
<a class="skip" href="#main"><?cs var:Lang.skip ?></a>
<header class="site-header">
  <div class="wrap bar">
    <a class="brand" href="/"><span class="logo" aria-hidden="true"></span><?cs var:Store.name ?></a>
    <form class="search" action="/search" method="get" role="search">
      <label for="q" class="sr-only"><?cs var:Lang.search_label ?></label>
      <input id="q" name="q" type="search" value="<?cs var:Page.q ?>" placeholder="<?cs var:Lang.search_placeholder ?>" maxlength="200" autocomplete="off">
      <button type="submit"><?cs var:Lang.search ?></button>
    </form>
    <nav class="tools" aria-label="<?cs var:Lang.cart ?>">
      <a class="lang" href="<?cs var:url_path(Req.path) ?>?lang=<?cs var:Req.other_lang ?>" hreflang="<?cs var:Req.other_lang ?>" lang="<?cs var:Req.other_lang ?>"><?cs var:Lang.switch_lang ?></a>
      <?cs if:Session.logged_in ?><a class="account-link" href="/account" id="account-link"><?cs var:Lang.account ?></a><?cs else ?><a class="account-link" href="/account/login" id="login-link"><?cs var:Lang.login ?></a><?cs /if ?>
      <a class="cart-link" href="/cart"><?cs var:Lang.cart ?> <span class="count" data-cart-count><?cs alt:Req.cart_count ?>0<?cs /alt ?></span></a>
    </nav>
  </div>
</header>
<?cs # The category bar and most of the footer are fragments (tmpl.h): ?>
<?cs # rendered from partials/nav.cs and partials/footer.cs with escaping ?>
<?cs # on, once per language (and current category) until the categories, ?>
<?cs # footer pages or shop settings change, and printed as they are. ?>
<?cs uvar:fragment("partials/nav", Page.crumbs.0.slug) ?><?cs # souk:raw-ok (see above) ?>
<main id="main" class="wrap">
<?cs call:main() ?>
</main>
<?cs uvar:fragment("partials/footer", "") ?><?cs # souk:raw-ok (see above) ?>
      <li><a href="<?cs var:url_path(Req.path) ?>?lang=<?cs var:Req.other_lang ?>" lang="<?cs var:Req.other_lang ?>"><?cs var:Lang.switch_lang ?></a></li>
    </ul>
    <p class="secure"><?cs var:Lang.footer_secure ?></p>
  </div>
</footer>
</body>
</html>
