<?cs # Product card macros, included by the pages that list products. ?>
<?cs def:tile(p, cls) ?><?cs if:?p.image ?><img class="<?cs var:cls ?>" src="<?cs var:p.image ?>" alt="" loading="lazy"><?cs else ?><span class="<?cs var:cls ?> tile-<?cs var:p.tile ?>" aria-hidden="true"><?cs var:p.initials ?></span><?cs /if ?><?cs /def ?>
<?cs def:badge(p) ?><span class="badge badge-<?cs var:p.kind ?>"><?cs if:p.media ?><?cs var:Lang.media[p.media] ?><?cs else ?><?cs var:Lang.kind[p.kind] ?><?cs /if ?></span><?cs /def ?>
<?cs def:price(p) ?><span class="price"><?cs if:p.from ?><small><?cs var:Lang.from ?></small> <?cs /if ?><?cs var:p.price ?></span><?cs if:?p.compare_at ?> <s class="was"><?cs var:p.compare_at ?></s><?cs /if ?><?cs /def ?>
<?cs def:stock(p) ?><?cs if:p.stock_state == "out" ?><span class="stock out"><?cs var:Lang.out_of_stock ?></span><?cs elif:p.stock_state == "low" ?><span class="stock low"><?cs var:Lang.only_before ?> <?cs var:p.stock ?> <?cs var:Lang.only_after ?></span><?cs /if ?><?cs /def ?>
<?cs def:marked(parts) ?><?cs each:part = parts ?><?cs if:part.m ?><mark><?cs var:part.t ?></mark><?cs else ?><?cs var:part.t ?><?cs /if ?><?cs /each ?><?cs /def ?>
<?cs # card(p) is rendered 24 times a page: written out in full, without
      nested macro calls (each call costs more than the markup). ?>
<?cs def:card(p) ?>
<li class="card">
  <a href="/p/<?cs var:p.slug ?>">
    <?cs if:?p.image ?><img class="thumb" src="<?cs var:p.image ?>" alt="" loading="lazy"><?cs else ?><span class="thumb tile-<?cs var:p.tile ?>" aria-hidden="true"><?cs var:p.initials ?></span><?cs /if ?>
    <span class="card-body">
      <span class="badge badge-<?cs var:p.kind ?>"><?cs if:p.media ?><?cs var:Lang.media[p.media] ?><?cs else ?><?cs var:Lang.kind[p.kind] ?><?cs /if ?></span>
      <span class="name"><?cs if:?p.hl.0.t ?><?cs call:marked(p.hl) ?><?cs else ?><?cs var:p.name ?><?cs /if ?></span>
      <?cs if:?p.snippet.0.t ?><span class="snippet"><?cs call:marked(p.snippet) ?></span><?cs /if ?>
      <span class="meta"><span class="price"><?cs if:p.from ?><small><?cs var:Lang.from ?></small> <?cs /if ?><?cs var:p.price ?></span><?cs if:?p.compare_at ?> <s class="was"><?cs var:p.compare_at ?></s><?cs /if ?><?cs if:p.stock_state == "out" ?> <span class="stock out"><?cs var:Lang.out_of_stock ?></span><?cs elif:p.stock_state == "low" ?> <span class="stock low"><?cs var:Lang.only_before ?> <?cs var:p.stock ?> <?cs var:Lang.only_after ?></span><?cs /if ?></span>
      <?cs if:?p.rating.n ?><span class="card-rating" aria-label="<?cs var:p.rating.avg ?> <?cs var:Lang.rv.out_of ?>, <?cs var:p.rating.n ?> <?cs var:Lang.rv.reviews ?>"><span aria-hidden="true">★ <?cs var:p.rating.avg ?> (<?cs var:p.rating.n ?>)</span></span><?cs /if ?>
    </span>
  </a>
</li>
<?cs /def ?>
<?cs # grid(html): cards joined by lib/card_cache.c from partials/card_one.cs,
      where every value was HTML-escaped; printed as is. ?>
<?cs def:grid(html) ?><ul class="grid"><?cs uvar:html ?></ul><?cs /def ?><?cs # souk:raw-ok (see above) ?>
<?cs def:crumbs(last) ?>
<nav class="crumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/"><?cs var:Lang.home ?></a></li>
  <?cs each:c = Page.crumbs ?><li><a href="/c/<?cs var:c.slug ?>"><?cs var:c.name ?></a></li><?cs /each ?>
  <?cs if:last ?><li aria-current="page"><?cs var:last ?></li><?cs /if ?>
</ol></nav>
<?cs /def ?>
