<?cs # The unsubscribe page of a watch mail's link (cgi-bin/wishlist.c):
      Page.k (w: wishlist, a: one alert), Page.id, Page.sig, Page.done,
      Page.bad. ?>
<?cs def:title() ?><?cs var:Lang.watch.stop_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="unsubscribe" id="unsubscribe">
  <h1><?cs var:Lang.watch.stop_title ?></h1>
  <?cs if:Page.bad ?>
  <p class="notice error" id="stop-bad"><?cs var:Lang.watch.stop_bad ?></p>
  <?cs elif:Page.done ?>
  <p class="notice ok" role="status" id="stop-done"><?cs var:Lang.watch.stop_done ?></p>
  <?cs else ?>
  <p><?cs if:Page.k == "w" ?><?cs var:Lang.watch.stop_wish ?><?cs else ?><?cs var:Lang.watch.stop_alert ?><?cs /if ?></p>
  <form method="post" action="/notify/stop" id="stop-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="k" value="<?cs var:Page.k ?>">
    <input type="hidden" name="id" value="<?cs var:Page.id ?>">
    <input type="hidden" name="sig" value="<?cs var:Page.sig ?>">
    <button type="submit" class="button primary"><?cs var:Lang.watch.stop_button ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
