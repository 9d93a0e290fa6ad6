<?cs # The FAQ (cgi-bin/pages.c): questions grouped by category. ?>
<?cs def:title() ?><?cs var:Lang.content.faq_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="content-page faq" id="faq">
  <h1><?cs var:Lang.content.faq_title ?></h1>
  <?cs if:Page.faq_fallback ?><p class="note"><?cs var:Lang.content.fallback ?></p><?cs /if ?>
  <?cs each:cat = Page.faq ?>
  <h2><?cs var:cat.name ?></h2>
  <?cs each:e = cat.entries ?>
  <details class="faq-entry" id="faq-<?cs var:e.id ?>">
    <summary><?cs var:e.question ?></summary>
    <div class="prose"><?cs uvar:e.html ?></div><?cs # souk:raw-ok: answer HTML rendered at save time by libcmark, raw HTML off, safe links only (lib/store/markup.c) ?>
  </details>
  <?cs /each ?>
  <?cs /each ?>
  <?cs if:subcount(Page.faq) == 0 ?><p><?cs var:Lang.content.faq_empty ?></p><?cs /if ?>
  <p><a href="/contact"><?cs var:Lang.contact ?></a></p>
</section>
<?cs /def ?>
