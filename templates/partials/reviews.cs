<?cs # Reviews and questions (lib/site/review_page.c, review_hdf.c).  Texts
      are printed with var: (escaped) in .post-text, whose CSS keeps the
      line breaks (white-space: pre-line): nothing typed is markup. ?>
<?cs include:"partials/post.cs" ?>
<?cs def:rating_summary(r) ?>
<div class="rating-summary">
  <p class="rating-avg"><?cs call:stars(r.avg_int, r.avg_stars) ?> <strong data-avg><?cs var:r.avg ?></strong> <?cs var:Lang.rv.out_of ?> · <span data-count><?cs var:r.n ?></span> <?cs if:r.n == 1 ?><?cs var:Lang.rv.review ?><?cs else ?><?cs var:Lang.rv.reviews ?><?cs /if ?></p>
  <table class="rating-dist"><caption class="sr-only"><?cs var:Lang.rv.distribution ?></caption>
  <?cs each:s = r.stars ?>
    <tr><th scope="row"><?cs var:s.k ?> ★</th><td><meter min="0" max="100" value="<?cs var:s.pct ?>"><?cs var:s.pct ?>%</meter></td><td data-stars="<?cs var:s.k ?>"><?cs var:s.n ?></td></tr>
  <?cs /each ?>
  </table>
</div>
<?cs /def ?>
