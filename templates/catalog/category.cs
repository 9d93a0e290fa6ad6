<?cs include:"partials/card.cs" ?>
<?cs include:"partials/browse.cs" ?>
<?cs def:title() ?><?cs var:Page.category.name ?><?cs if:Page.page > 1 ?> · <?cs var:Lang.page ?> <?cs var:Page.page ?><?cs /if ?><?cs /def ?>
<?cs def:main() ?>
<?cs call:crumbs(Page.category.name) ?>
<header class="page-head">
  <h1><?cs var:Page.category.name ?></h1>
  <?cs each:para = Page.category.paras ?><p class="lead"><?cs var:para ?></p><?cs /each ?>
  <?cs if:subcount(Page.subcats) > 0 ?>
  <nav aria-label="<?cs var:Lang.subcategories ?>"><ul class="chips">
    <?cs each:s = Page.subcats ?><li><a href="/c/<?cs var:s.slug ?>"><?cs var:s.name ?></a></li><?cs /each ?>
  </ul></nav>
  <?cs /if ?>
</header>
<div class="toolbar">
  <?cs call:summary() ?>
  <?cs # Page.filters_html: partials/filters_one.cs, every value escaped, kept by lib/site/part_cache.c ?>
  <?cs uvar:Page.filters_html ?><?cs # souk:raw-ok (see above) ?>
</div>
<?cs if:?Page.products_html ?>
  <?cs call:grid(Page.products_html) ?>
  <?cs call:pager() ?>
<?cs elif:?Page.too_deep ?>
  <p class="empty" id="too-deep"><?cs var:Lang.too_deep ?>
    <a href="<?cs var:Page.first_href ?>"><?cs var:Lang.too_deep_first ?></a> ·
    <a href="<?cs var:Page.last_href ?>"><?cs var:Lang.too_deep_last ?> (<?cs var:Page.pages ?>)</a></p>
<?cs else ?>
  <p class="empty"><?cs var:Lang.no_products ?></p>
<?cs /if ?>
<?cs /def ?>
