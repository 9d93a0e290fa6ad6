<?cs include:"partials/card.cs" ?>
<?cs include:"partials/reviews.cs" ?>
<?cs def:title() ?><?cs if:Page.posts_kind == "review" ?><?cs var:Lang.rv.title ?><?cs else ?><?cs var:Lang.rv.questions ?><?cs /if ?> · <?cs var:Page.product.name ?><?cs /def ?>
<?cs def:main() ?>
<?cs with:p = Page.product ?>
<nav class="crumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/"><?cs var:Lang.home ?></a></li>
  <li><a href="/p/<?cs var:p.slug ?>"><?cs var:p.name ?></a></li>
</ol></nav>
<h1><?cs if:Page.posts_kind == "review" ?><?cs var:Lang.rv.title ?><?cs else ?><?cs var:Lang.rv.questions ?><?cs /if ?>: <?cs var:p.name ?></h1>
<?cs if:Page.posts_kind == "review" && ?Page.rating.n ?><?cs call:rating_summary(Page.rating) ?><?cs /if ?>
<?cs # Page.posts_html: the posts as a visitor who is not logged in sees ?>
<?cs # them, from partials/post_one.cs with every value escaped ?>
<?cs # (lib/site/post_cache.c), printed as they are. ?>
<?cs if:?Page.posts_html ?>
<ul class="posts"><?cs uvar:Page.posts_html ?></ul><?cs # souk:raw-ok (see above) ?>
<?cs elif:subcount(Page.posts) > 0 ?>
<ul class="posts"><?cs each:q = Page.posts ?><?cs call:post(q, p.slug) ?><?cs /each ?></ul>
<?cs else ?><p class="empty"><?cs if:Page.posts_kind == "review" ?><?cs var:Lang.rv.none ?><?cs else ?><?cs var:Lang.rv.no_questions ?><?cs /if ?></p><?cs /if ?>
<nav class="pager" aria-label="<?cs var:Lang.rv.pages ?>">
  <?cs if:?Page.newer ?><a href="/p/<?cs var:p.slug ?>/<?cs var:Page.posts_kind ?>s"><?cs var:Lang.rv.newest ?></a><?cs /if ?>
  <?cs if:?Page.older ?><a rel="next" href="/p/<?cs var:p.slug ?>/<?cs var:Page.posts_kind ?>s?before=<?cs var:Page.older ?>"><?cs var:Lang.rv.older ?></a><?cs /if ?>
</nav>
<p><a href="/p/<?cs var:p.slug ?>"><?cs var:Lang.rv.back ?></a></p>
<?cs /with ?>
<?cs /def ?>
