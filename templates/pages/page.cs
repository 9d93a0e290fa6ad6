<?cs # A content page (cgi-bin/pages.c): terms, refunds, delivery... ?>
<?cs def:title() ?><?cs var:Page.page.title ?><?cs /def ?>
<?cs def:main() ?>
<article class="content-page" id="page-<?cs var:Page.page.slug ?>"<?cs if:Page.page.fallback ?> lang="<?cs var:Page.page.lang ?>"<?cs /if ?>>
  <h1><?cs var:Page.page.title ?></h1>
  <?cs if:Page.page.fallback ?><p class="note" lang="<?cs var:Lang.code ?>"><?cs var:Lang.content.fallback ?></p><?cs /if ?>
  <div class="prose"><?cs uvar:Page.page.html ?></div><?cs # souk:raw-ok: HTML rendered at save time by libcmark with raw HTML off and only http/https/mailto/relative links (lib/store/markup.c) ?>
  <p class="updated"><small><?cs var:Lang.content.updated ?>: <?cs var:Page.page.updated ?></small></p>
</article>
<?cs /def ?>
