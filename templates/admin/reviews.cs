<?cs # The moderation queue (cgi-bin/parts/admin/reviews.c): Page.queue.N
      (review_put_posts plus slug, product, email, nreports, when,
      reports.M.{who,reason,at}), Page.view, Page.queue_next, Page.done.
      Texts are escaped (var:) and keep their line breaks (.post-text). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"partials/reviews.cs" ?>
<?cs def:title() ?><?cs var:Lang.admrv.menu ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("reviews") ?>
  <h1><?cs var:Lang.admrv.menu ?></h1>
  <?cs if:?Page.done ?><p class="notice ok" id="adm-notice" role="status"><?cs var:Lang.admrv.done[Page.done] ?></p><?cs /if ?>
  <nav class="adm-tabs" aria-label="<?cs var:Lang.admrv.views ?>">
    <?cs each:v = Lang.admrv.view ?><a href="/admin/reviews?view=<?cs name:v ?>"<?cs if:Page.view == name(v) ?> aria-current="page"<?cs /if ?>><?cs var:v ?></a> <?cs /each ?>
  </nav>
  <?cs if:subcount(Page.queue) == 0 ?><p class="empty" id="queue-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <ul class="posts adm-queue" id="queue">
  <?cs each:q = Page.queue ?>
    <li class="post post-<?cs var:q.status ?>" id="post-<?cs var:q.id ?>" data-post="<?cs var:q.id ?>">
      <p class="post-head">
        <strong><?cs if:q.kind == "review" ?><?cs var:Lang.admrv.review ?><?cs else ?><?cs var:Lang.admrv.question ?><?cs /if ?></strong>
        <a href="/p/<?cs var:q.slug ?>"><?cs var:q.product ?></a>
        <?cs if:q.kind == "review" ?><?cs call:stars(q.rating, q.stars) ?><?cs /if ?>
        <span><?cs var:q.author ?> &lt;<?cs var:q.email ?>&gt;</span>
        <?cs if:q.verified ?><span class="verified"><?cs var:Lang.rv.verified ?></span><?cs /if ?>
        <time><?cs var:q.when ?></time>
      </p>
      <p class="post-state"><?cs var:Lang.admrv.status[q.status] ?><?cs if:q.held ?> · <?cs var:Lang.admrv.held[q.held] ?><?cs /if ?><?cs if:q.nreports > 0 ?> · <?cs var:q.nreports ?> <?cs var:Lang.admrv.reports ?><?cs /if ?></p>
      <p class="post-text"><?cs var:q.body ?></p>
      <?cs if:subcount(q.reports) > 0 ?><ul class="adm-reports"><?cs each:r = q.reports ?><li><?cs var:r.at ?> · <?cs var:r.who ?><?cs if:r.reason ?>: <?cs var:r.reason ?><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
      <?cs if:q.answer ?><div class="post-answer"><p class="post-head"><span class="staff-badge"><?cs var:Lang.rv.shop_answer ?></span></p><p class="post-text"><?cs var:q.answer ?></p></div><?cs /if ?>
      <div class="adm-post-acts">
        <?cs if:q.status != "published" ?><form method="post" action="/admin/reviews/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:q.id ?>"><input type="hidden" name="view" value="<?cs var:Page.view ?>"><button type="submit" name="do" value="approve" class="button primary"><?cs var:Lang.admrv.approve ?></button></form><?cs /if ?>
        <?cs if:q.status != "hidden" ?><form method="post" action="/admin/reviews/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:q.id ?>"><input type="hidden" name="view" value="<?cs var:Page.view ?>"><button type="submit" name="do" value="hide" class="button"><?cs var:Lang.admrv.hide ?></button></form><?cs /if ?>
        <form method="post" action="/admin/reviews/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:q.id ?>"><input type="hidden" name="view" value="<?cs var:Page.view ?>"><button type="submit" name="do" value="delete" class="button danger"><?cs var:Lang.admrv.delete ?></button></form>
      </div>
      <details class="post-edit"><summary><?cs var:Lang.admrv.answer ?></summary>
        <form method="post" action="/admin/reviews/act">
          <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:q.id ?>"><input type="hidden" name="view" value="<?cs var:Page.view ?>">
          <label for="answer-<?cs var:q.id ?>"><?cs var:Lang.admrv.answer_label ?></label>
          <textarea id="answer-<?cs var:q.id ?>" name="body" rows="3" maxlength="2000"><?cs var:q.answer ?></textarea>
          <button type="submit" name="do" value="answer" class="button"><?cs var:Lang.admrv.save_answer ?></button>
        </form>
      </details>
    </li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:?Page.queue_next ?><p><a rel="next" href="/admin/reviews?view=<?cs var:Page.view ?>&amp;before=<?cs var:Page.queue_next ?>"><?cs var:Lang.adm.older ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
