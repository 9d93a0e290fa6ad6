<?cs # The stars(), rating_field() and post() macros (partials/reviews.cs includes them; post_one.cs renders one post alone). ?>
<?cs # n: the rating, glyphs: its stars drawn by review_hdf.c ?>
<?cs def:stars(n, glyphs) ?><span class="stars" role="img" aria-label="<?cs var:n ?> <?cs var:Lang.rv.out_of ?>"><?cs var:glyphs ?></span><?cs /def ?>
<?cs def:rating_field(value) ?>
<fieldset class="rating-field"><legend><?cs var:Lang.rv.your_rating ?></legend>
  <?cs loop:i = 5, 1, -1 ?><label><input type="radio" name="rating" value="<?cs var:i ?>"<?cs if:value == i ?> checked<?cs /if ?> required> <?cs var:i ?> ★</label><?cs /loop ?>
</fieldset>
<?cs /def ?>
<?cs def:post(q, slug) ?>
<li class="post post-<?cs var:q.kind ?> post-<?cs var:q.status ?>" id="post-<?cs var:q.id ?>" data-post="<?cs var:q.id ?>">
  <p class="post-head">
    <?cs if:q.kind == "review" ?><?cs call:stars(q.rating, q.stars) ?> <?cs /if ?>
    <span class="post-author"><?cs if:q.author ?><?cs var:q.author ?><?cs else ?><?cs var:Lang.rv.customer ?><?cs /if ?></span>
    <?cs if:q.kind == "review" && q.verified ?><span class="verified"><?cs var:Lang.rv.verified ?></span><?cs /if ?>
    <time><?cs var:q.date ?></time><?cs if:q.edited ?> · <?cs var:Lang.rv.edited ?><?cs /if ?>
  </p>
  <?cs if:q.status == "pending" ?><p class="post-state"><?cs var:Lang.rv.pending ?></p><?cs elif:q.status == "hidden" ?><p class="post-state"><?cs var:Lang.rv.hidden ?></p><?cs /if ?>
  <p class="post-text"><?cs var:q.body ?></p>
  <?cs if:q.answer ?>
  <div class="post-answer"><p class="post-head"><span class="staff-badge"><?cs var:Lang.rv.shop_answer ?></span> <time><?cs var:q.answer_date ?></time></p>
    <p class="post-text"><?cs var:q.answer ?></p></div>
  <?cs /if ?>
  <?cs if:q.editable ?>
  <details class="post-edit"><summary><?cs var:Lang.rv.edit ?></summary>
    <form method="post" action="/p/<?cs var:slug ?>">
      <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
      <input type="hidden" name="action" value="edit">
      <input type="hidden" name="post" value="<?cs var:q.id ?>">
      <?cs if:q.kind == "review" ?><?cs call:rating_field(q.rating) ?><?cs /if ?>
      <label for="body-e<?cs var:q.id ?>"><?cs var:Lang.rv.your_text ?></label>
      <textarea id="body-e<?cs var:q.id ?>" name="body" rows="5" maxlength="2000" required><?cs var:q.body ?></textarea>
      <button type="submit" class="button"><?cs var:Lang.rv.save ?></button>
    </form>
  </details>
  <?cs elif:Page.logged_in && !q.mine && q.status == "published" ?>
  <details class="post-report"><summary><?cs if:q.kind == "review" ?><?cs var:Lang.rv.report_review ?><?cs else ?><?cs var:Lang.rv.report_question ?><?cs /if ?></summary>
    <form method="post" action="/p/<?cs var:slug ?>">
      <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
      <input type="hidden" name="action" value="report">
      <input type="hidden" name="post" value="<?cs var:q.id ?>">
      <label for="reason-<?cs var:q.id ?>"><?cs var:Lang.rv.reason ?></label>
      <input id="reason-<?cs var:q.id ?>" name="reason" maxlength="300">
      <button type="submit" class="button"><?cs var:Lang.rv.report ?></button>
    </form>
  </details>
  <?cs /if ?>
</li>
<?cs /def ?>
