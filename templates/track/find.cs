<?cs # "Find my order" (cgi-bin/track.c): Page.form.{reference,email} the
      values typed, Page.errors / Page.field_err.<field> the field errors,
      Page.not_found when no order has both, Page.rate_limited with
      Page.retry_minutes after too many attempts. ?>
<?cs def:title() ?><?cs var:Lang.track.title ?><?cs /def ?>
<?cs def:invalid(f) ?><?cs if:?Page.field_err[f] ?> aria-invalid="true" aria-describedby="t-<?cs var:f ?>-err"<?cs /if ?><?cs /def ?>
<?cs def:fielderr(f) ?><?cs if:?Page.field_err[f] ?><p class="field-error" id="t-<?cs var:f ?>-err"><?cs var:Lang.track.err[f] ?></p><?cs /if ?><?cs /def ?>
<?cs def:main() ?>
<section class="contact">
  <header class="page-head">
    <h1><?cs var:Lang.track.title ?></h1>
    <p><?cs var:Lang.track.intro ?></p>
  </header>
  <?cs if:Page.rate_limited ?>
  <div class="notice error" role="alert"><p><?cs var:Lang.track.rate_limited ?> <?cs var:Page.retry_minutes ?> <?cs var:Lang.track.rate_minutes ?></p></div>
  <?cs elif:Page.not_found ?>
  <div class="notice error" role="alert"><p><?cs var:Lang.track.not_found ?></p></div>
  <?cs elif:subcount(Page.errors) > 0 ?>
  <div class="notice error" role="alert"><ul>
    <?cs each:e = Page.errors ?><li><a href="#t-<?cs var:e.field ?>"><?cs var:Lang.track.err[e.field] ?></a></li><?cs /each ?>
  </ul></div>
  <?cs /if ?>
  <form class="form" method="post" action="/find-order" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field<?cs if:?Page.field_err.reference ?> invalid<?cs /if ?>">
      <label for="t-reference"><?cs var:Lang.track.reference ?></label>
      <input id="t-reference" name="reference" type="text" required maxlength="40" autocomplete="off" autocapitalize="characters" value="<?cs var:Page.form.reference ?>"<?cs call:invalid("reference") ?>>
      <p class="hint"><?cs var:Lang.track.reference_hint ?></p>
      <?cs call:fielderr("reference") ?>
    </div>
    <div class="field<?cs if:?Page.field_err.email ?> invalid<?cs /if ?>">
      <label for="t-email"><?cs var:Lang.track.email ?></label>
      <input id="t-email" name="email" type="email" required maxlength="254" autocomplete="email" value="<?cs var:Page.form.email ?>"<?cs call:invalid("email") ?>>
      <?cs call:fielderr("email") ?>
    </div>
    <p><button type="submit" class="button primary"><?cs var:Lang.track.submit ?></button></p>
  </form>
</section>
<?cs /def ?>
