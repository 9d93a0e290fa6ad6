<?cs include:"partials/card.cs" ?>
<?cs def:title() ?><?cs var:Lang.home ?><?cs /def ?>
<?cs def:main() ?>
<section class="hero">
  <h1><?cs var:Lang.hero_title ?></h1>
  <p><?cs var:Lang.hero_text ?></p>
  <a class="button" href="/c/iptv"><?cs var:Lang.hero_cta ?></a>
</section>

<?cs if:subcount(Page.banners) > 0 ?>
<section class="trust" aria-labelledby="h-trust" id="trust-banners">
  <h2 id="h-trust" class="sr-only"><?cs var:Lang.content.trust ?></h2>
  <ul class="trust-list">
  <?cs each:b = Page.banners ?>
    <li class="trust-<?cs var:b.slot ?>"><strong><?cs var:b.title ?></strong><?cs if:b.body ?> <span><?cs var:b.body ?></span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<section aria-labelledby="h-cats">
  <h2 id="h-cats"><?cs var:Lang.categories ?></h2>
  <ul class="cat-grid">
  <?cs each:c = Page.categories ?>
    <li class="cat tile-<?cs var:c.tile ?>">
      <a href="/c/<?cs var:c.slug ?>"><strong><?cs var:c.name ?></strong></a>
      <?cs if:subcount(c.children) > 0 ?><ul class="sub"><?cs each:s = c.children ?><li><a href="/c/<?cs var:s.slug ?>"><?cs var:s.name ?></a></li><?cs /each ?></ul><?cs /if ?>
    </li>
  <?cs /each ?>
  </ul>
</section>

<?cs if:?Page.featured_html ?>
<section aria-labelledby="h-featured">
  <h2 id="h-featured"><?cs var:Lang.featured ?></h2>
  <?cs call:grid(Page.featured_html) ?>
</section>
<?cs /if ?>

<section aria-labelledby="h-new">
  <h2 id="h-new"><?cs var:Lang.new_arrivals ?></h2>
  <?cs call:grid(Page.new_html) ?>
</section>
<?cs /def ?>
