<?cs # "Notify me when back" (cgi-bin/wishlist.c): Page.product.{id, slug,
      name, in_stock}, Page.sent, Page.rate_limited, Page.field_err.email. ?>
<?cs def:title() ?><?cs var:Lang.watch.notify_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="notify" id="notify">
  <h1><?cs var:Lang.watch.notify_title ?></h1>
  <p><a href="/p/<?cs var:Page.product.slug ?>"><?cs var:Page.product.name ?></a></p>
  <?cs if:Page.sent ?>
  <p class="notice ok" role="status" id="notify-done"><?cs var:Lang.watch.notify_done ?></p>
  <?cs elif:Page.product.in_stock ?>
  <p class="notice" id="notify-in-stock"><?cs var:Lang.watch.notify_in_stock ?></p>
  <?cs else ?>
  <?cs if:Page.rate_limited ?><p class="notice error" role="alert" id="notify-limit"><?cs var:Lang.watch.notify_limited ?></p><?cs /if ?>
  <p><?cs var:Lang.watch.notify_intro ?></p>
  <form method="post" action="/notify" class="form" id="notify-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="product" value="<?cs var:Page.product.id ?>">
    <div class="field<?cs if:?Page.field_err.email ?> has-error<?cs /if ?>">
      <label for="n-email"><?cs var:Lang.watch.notify_email ?></label>
      <input id="n-email" name="email" type="email" autocomplete="email" required maxlength="254"<?cs if:?Page.field_err.email ?> aria-invalid="true" aria-describedby="n-email-err"<?cs /if ?>>
      <?cs if:?Page.field_err.email ?><p class="field-error" id="n-email-err"><?cs var:Lang.field.email ?> <?cs var:Lang.err[Page.field_err.email] ?>.</p><?cs /if ?>
    </div>
    <button type="submit" class="button primary"><?cs var:Lang.watch.notify_send ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
