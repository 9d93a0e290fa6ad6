<?cs include:"partials/card.cs" ?>
<?cs include:"partials/reviews.cs" ?>
<?cs def:title() ?><?cs var:Page.product.name ?><?cs /def ?>
<?cs def:main() ?>
<?cs with:p = Page.product ?>
<?cs call:crumbs(p.name) ?>
<article class="product">
  <div class="product-media"><?cs call:tile(p, "hero-tile") ?></div>
  <div class="product-info">
    <?cs call:badge(p) ?>
    <?cs if:?Page.parent.slug ?>
    <p class="part-of"><?cs var:Lang.part_of ?>
      <?cs if:?Page.grandparent.slug ?><a href="/p/<?cs var:Page.grandparent.slug ?>"><?cs var:Page.grandparent.name ?></a> › <?cs /if ?>
      <a href="/p/<?cs var:Page.parent.slug ?>"><?cs var:Page.parent.name ?></a></p>
    <?cs /if ?>
    <h1><?cs var:p.name ?></h1>
    <p class="price-line" data-price-line aria-live="polite"><?cs call:price(p) ?></p>
    <p class="availability"><?cs if:p.stock_state == "out" ?><span class="stock out"><?cs var:Lang.out_of_stock ?></span><?cs elif:p.stock_state == "low" ?><span class="stock low"><?cs var:Lang.only_before ?> <?cs var:p.stock ?> <?cs var:Lang.only_after ?></span><?cs elif:p.kind == "physical" ?><span class="stock in"><?cs var:Lang.in_stock ?></span><?cs else ?><span class="stock in"><?cs var:Lang.available ?></span><?cs /if ?></p>

    <?cs if:p.owned ?>
    <p class="owned" id="in-library"><strong><?cs var:Lang.library.in_library ?></strong> · <a class="button primary" href="/account/library"><?cs var:Lang.library.open ?></a></p>
    <?cs else ?>
    <form class="buy" action="/cart/add" method="post">
      <input type="hidden" name="product" value="<?cs var:p.id ?>">
      <?cs if:subcount(Page.plans) > 0 ?>
      <fieldset class="plans" data-save-label="<?cs var:Lang.you_save ?>">
        <legend><?cs var:Lang.choose_plan ?></legend>
        <?cs each:pl = Page.plans ?>
        <label class="plan">
          <input type="radio" name="plan" value="<?cs var:pl.id ?>" data-price="<?cs var:pl.price ?>"<?cs if:?pl.save ?> data-save="<?cs var:pl.save ?>"<?cs /if ?><?cs if:name(pl) == "0" ?> checked<?cs /if ?> required>
          <span class="plan-name"><?cs if:?pl.label ?><?cs var:pl.label ?><?cs elif:pl.months > 0 ?><?cs var:pl.months ?> <?cs if:pl.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?><?cs else ?><?cs var:pl.days ?> <?cs if:pl.days == 1 ?><?cs var:Lang.day ?><?cs else ?><?cs var:Lang.days ?><?cs /if ?><?cs /if ?></span>
          <span class="plan-price"><?cs var:pl.price ?></span>
          <?cs if:?pl.per_month ?><small class="plan-per"><?cs var:pl.per_month ?> / <?cs var:Lang.month ?><?cs if:?pl.save ?> · <?cs var:Lang.you_save ?> <?cs var:pl.save ?><?cs /if ?></small><?cs /if ?>
        </label>
        <?cs /each ?>
      </fieldset>
      <?cs /if ?>
      <?cs if:p.kind == "physical" && p.stock_state != "out" ?>
      <label class="qty"><?cs var:Lang.quantity ?>
        <input type="number" name="qty" value="1" min="1" max="<?cs var:p.max_qty ?>" inputmode="numeric" aria-describedby="qty-cap">
      </label>
      <small class="cap" id="qty-cap"><?cs var:Lang.cap_a ?> <?cs var:p.cap ?> <?cs var:Lang.cap_b ?></small>
      <?cs /if ?>
      <button type="submit" class="button primary"<?cs if:p.stock_state == "out" ?> disabled<?cs /if ?>><?cs if:p.stock_state == "out" ?><?cs var:Lang.out_of_stock ?><?cs else ?><?cs var:Lang.add_to_cart ?><?cs /if ?></button>
    </form>
    <?cs /if ?>
    <div class="wish" id="wish">
      <?cs if:Session.logged_in ?><?cs if:Page.in_wishlist ?>
      <form method="post" action="/account/wishlist/remove" class="wish-form">
        <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="product" value="<?cs var:p.id ?>">
        <button type="submit" class="button link" id="wish-remove" aria-pressed="true"><?cs var:Lang.watch.remove ?></button>
        <a href="/account/wishlist"><?cs var:Lang.watch.view ?></a>
      </form>
      <?cs else ?>
      <form method="post" action="/account/wishlist/add" class="wish-form">
        <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="product" value="<?cs var:p.id ?>">
        <button type="submit" class="button" id="wish-add" aria-pressed="false"><?cs var:Lang.watch.add ?></button>
      </form>
      <?cs /if ?><?cs else ?>
      <a href="/account/login?next=/p/<?cs var:p.slug_url ?>" id="wish-login"><?cs var:Lang.watch.login_to_add ?></a>
      <?cs /if ?>
      <?cs if:p.stock_state == "out" ?><p><a class="button" href="/notify?product=<?cs var:p.id ?>" id="notify-link" rel="nofollow"><?cs var:Lang.watch.notify ?></a></p><?cs /if ?>
    </div>
    <p class="note"><?cs if:p.kind == "physical" && p.stock_state == "out" ?><?cs var:Lang.ship.sold_out ?><?cs elif:p.kind == "physical" ?><?cs if:?Page.ship_span.country ?><?cs var:Lang.ship.product_to ?> (<?cs var:Lang.country[Page.ship_span.country] ?>)<?cs var:Lang.ship.colon ?> <?cs var:Page.ship_span.min ?><?cs if:Page.ship_span.max != Page.ship_span.min ?>–<?cs var:Page.ship_span.max ?><?cs /if ?> <?cs var:Lang.ship.days ?>.<?cs /if ?><?cs elif:p.kind == "subscription" ?><?cs var:Lang.instant_delivery ?>. <?cs var:Lang.subscription_note ?>.<?cs else ?><?cs var:Lang.digital_note ?>.<?cs /if ?></p>
    <?cs if:p.sku ?><p class="sku"><?cs var:Lang.sku ?>: <?cs var:p.sku ?></p><?cs /if ?>
  </div>
</article>

<section class="description" aria-labelledby="h-desc">
  <h2 id="h-desc"><?cs var:Lang.description ?></h2>
  <?cs each:para = p.paras ?><p><?cs var:para ?></p><?cs /each ?>
</section>

<section class="reviews" id="reviews" aria-labelledby="h-reviews">
  <h2 id="h-reviews"><?cs var:Lang.rv.title ?></h2>
  <?cs if:?Page.rating.n ?><?cs call:rating_summary(Page.rating) ?><?cs else ?><p class="empty"><?cs var:Lang.rv.none ?></p><?cs /if ?>
  <?cs if:?Page.post_error && Page.form.action != "question" ?><p class="form-error" role="alert"><?cs var:Lang.rv.err[Page.post_error] ?></p><?cs /if ?>
  <?cs if:Page.review_state == "login" ?>
  <p class="review-login"><a href="/account/login?next=/p/<?cs var:p.slug_url ?>"><?cs var:Lang.rv.login_to_review ?></a></p>
  <?cs elif:Page.review_state == "not_buyer" ?>
  <p class="review-note"><?cs var:Lang.rv.buyers_only ?></p>
  <?cs elif:Page.review_state == "buyer" ?>
  <form class="review-form" method="post" action="/p/<?cs var:p.slug ?>">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="action" value="review">
    <?cs call:rating_field(Page.form.rating) ?>
    <label for="review-body"><?cs var:Lang.rv.your_review ?></label>
    <textarea id="review-body" name="body" rows="5" maxlength="2000" required><?cs if:Page.form.action == "review" ?><?cs var:Page.form.body ?><?cs /if ?></textarea>
    <small><?cs var:Lang.rv.plain_text ?></small>
    <button type="submit" class="button primary"><?cs var:Lang.rv.submit_review ?></button>
  </form>
  <?cs elif:Page.review_state == "reviewed" ?>
  <h3><?cs var:Lang.rv.your_review_h ?></h3>
  <ul class="posts mine"><?cs each:q = Page.my_review ?><?cs call:post(q, p.slug) ?><?cs /each ?></ul>
  <?cs /if ?>
  <?cs # Page.reviews_html, Page.questions_html: the posts as a visitor who is ?>
  <?cs # not logged in sees them, from partials/post_one.cs with every value ?>
  <?cs # escaped (lib/site/post_cache.c), printed as they are. ?>
  <?cs if:?Page.reviews_html ?>
  <ul class="posts"><?cs uvar:Page.reviews_html ?></ul><?cs # souk:raw-ok (see above) ?>
  <?cs elif:subcount(Page.reviews) > 0 ?>
  <ul class="posts"><?cs each:q = Page.reviews ?><?cs call:post(q, p.slug) ?><?cs /each ?></ul>
  <?cs /if ?>
  <?cs if:?Page.more_reviews ?><p><a href="/p/<?cs var:p.slug ?>/reviews"><?cs var:Lang.rv.all_reviews ?> (<?cs var:Page.more_reviews ?>)</a></p><?cs /if ?>
</section>

<section class="questions" id="questions" aria-labelledby="h-questions">
  <h2 id="h-questions"><?cs var:Lang.rv.questions ?></h2>
  <?cs if:subcount(Page.own) > 0 ?>
  <ul class="posts mine"><?cs each:q = Page.own ?><?cs if:q.kind == "question" ?><?cs call:post(q, p.slug) ?><?cs /if ?><?cs /each ?></ul>
  <?cs /if ?>
  <?cs if:?Page.questions_html ?>
  <ul class="posts"><?cs uvar:Page.questions_html ?></ul><?cs # souk:raw-ok (see above) ?>
  <?cs elif:subcount(Page.questions) > 0 ?>
  <ul class="posts"><?cs each:q = Page.questions ?><?cs call:post(q, p.slug) ?><?cs /each ?></ul>
  <?cs else ?><p class="empty"><?cs var:Lang.rv.no_questions ?></p><?cs /if ?>
  <?cs if:?Page.more_questions ?><p><a href="/p/<?cs var:p.slug ?>/questions"><?cs var:Lang.rv.all_questions ?></a></p><?cs /if ?>
  <?cs if:?Page.post_error && Page.form.action == "question" ?><p class="form-error" role="alert"><?cs var:Lang.rv.err[Page.post_error] ?></p><?cs /if ?>
  <?cs if:Page.logged_in ?>
  <form class="question-form" method="post" action="/p/<?cs var:p.slug ?>">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="action" value="question">
    <label for="question-body"><?cs var:Lang.rv.ask ?></label>
    <textarea id="question-body" name="body" rows="3" maxlength="2000" required><?cs if:Page.form.action == "question" ?><?cs var:Page.form.body ?><?cs /if ?></textarea>
    <button type="submit" class="button"><?cs var:Lang.rv.submit_question ?></button>
  </form>
  <?cs else ?>
  <p><a href="/account/login?next=/p/<?cs var:p.slug_url ?>"><?cs var:Lang.rv.login_to_ask ?></a></p>
  <?cs /if ?>
</section>
<?cs # JSON-LD built by jansson and written by json_out(), which escapes
      < > & ' inside strings: it cannot close this element. ?>
<?cs if:?Page.jsonld ?><script type="application/ld+json"><?cs uvar:Page.jsonld ?></script><?cs /if ?><?cs # souk:raw-ok (see above) ?>

<?cs if:?Page.prev.slug || ?Page.next.slug ?>
<nav class="episode-nav" aria-label="<?cs var:Lang.episodes ?>">
  <?cs if:?Page.prev.slug ?><a rel="prev" href="/p/<?cs var:Page.prev.slug ?>">‹ <?cs var:Page.prev.name ?></a><?cs /if ?>
  <?cs if:?Page.next.slug ?><a rel="next" href="/p/<?cs var:Page.next.slug ?>"><?cs var:Page.next.name ?> ›</a><?cs /if ?>
</nav>
<?cs /if ?>

<?cs if:subcount(Page.children) > 0 ?>
<section aria-labelledby="h-children">
  <h2 id="h-children"><?cs if:p.media == "series" ?><?cs var:Lang.seasons ?><?cs else ?><?cs var:Lang.episodes ?><?cs /if ?></h2>
  <ol class="episodes">
  <?cs each:k = Page.children ?>
    <li><a href="/p/<?cs var:k.slug ?>"><span class="ep-name"><?cs var:k.name ?></span> <span class="price"><?cs var:k.price ?></span></a></li>
  <?cs /each ?>
  </ol>
</section>
<?cs /if ?>

<?cs if:subcount(Page.siblings) > 1 ?>
<section aria-labelledby="h-siblings">
  <h2 id="h-siblings"><?cs if:p.media == "episode" ?><?cs var:Lang.episode_list ?><?cs else ?><?cs var:Lang.season_list ?><?cs /if ?></h2>
  <ol class="episodes">
  <?cs each:k = Page.siblings ?>
    <li><?cs if:k.id == p.id ?><span aria-current="page" class="ep-name"><?cs var:k.name ?></span><?cs else ?><a href="/p/<?cs var:k.slug ?>"><span class="ep-name"><?cs var:k.name ?></span> <span class="price"><?cs var:k.price ?></span></a><?cs /if ?></li>
  <?cs /each ?>
  </ol>
</section>
<?cs /if ?>

<?cs if:?Page.related_html ?>
<section aria-labelledby="h-related">
  <h2 id="h-related"><?cs var:Lang.related ?></h2>
  <?cs call:grid(Page.related_html) ?>
</section>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
