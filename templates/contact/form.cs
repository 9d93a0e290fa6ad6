<?cs # The contact form (cgi-bin/contact.c).  Page.form.<field> holds the
      values sent back, Page.field_err.<field> an error code (Lang.err),
      Page.errors the list, Page.rate_limited/Page.retry_minutes a 429.
      Every field's error sits under it and is tied to it with
      aria-describedby; the first summary links to the fields. ?>
<?cs def:title() ?><?cs var:Lang.contact.title ?><?cs /def ?>
<?cs include:"partials/form_err.cs" ?>
<?cs def:fielderr(f) ?><?cs if:?Page.field_err[f] ?><p class="field-error" data-fe-for="c-<?cs var:f ?>" id="c-<?cs var:f ?>-err"><?cs call:fe_text("contact", f, Page.field_err[f]) ?></p><?cs /if ?><?cs /def ?>
<?cs def:invalid(f) ?><?cs if:?Page.field_err[f] ?> aria-invalid="true" aria-describedby="c-<?cs var:f ?>-err"<?cs /if ?><?cs /def ?>
<?cs def:main() ?>
<section class="contact">
  <header class="page-head">
    <h1><?cs var:Lang.contact.title ?></h1>
    <p><?cs var:Lang.contact.intro ?></p>
  </header>
  <?cs if:Page.rate_limited ?>
  <div class="notice error" role="alert" id="contact-limit">
    <p><?cs var:Lang.contact.rate_limited ?> <?cs var:Page.retry_minutes ?> <?cs var:Lang.contact.rate_minutes ?></p>
  </div>
  <?cs elif:subcount(Page.errors) > 0 ?>
  <div class="notice error" role="alert" id="contact-errors">
    <p><?cs var:Lang.contact.errors ?></p>
    <ul>
    <?cs each:e = Page.errors ?>
      <li data-fe-for="c-<?cs var:e.field ?>"><a href="#c-<?cs var:e.field ?>"><?cs call:fe_text("contact", e.field, e.err) ?></a></li>
    <?cs /each ?>
    </ul>
  </div>
  <?cs /if ?>
  <form id="contact-form" class="form" method="post" action="/contact" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field<?cs if:?Page.field_err.name ?> invalid<?cs /if ?>">
      <label for="c-name"><?cs var:Lang.contact.name ?></label>
      <input id="c-name" name="name" type="text" required maxlength="<?cs var:Page.max.name ?>" autocomplete="name" value="<?cs var:Page.form.name ?>"<?cs call:invalid("name") ?>>
      <?cs call:fielderr("name") ?>
    </div>
    <div class="field<?cs if:?Page.field_err.email ?> invalid<?cs /if ?>">
      <label for="c-email"><?cs var:Lang.contact.email ?></label>
      <input id="c-email" name="email" type="email" required maxlength="254" autocomplete="email" value="<?cs var:Page.form.email ?>"<?cs call:invalid("email") ?>>
      <p class="hint"><?cs var:Lang.contact.email_hint ?></p>
      <?cs call:fielderr("email") ?>
    </div>
    <div class="field<?cs if:?Page.field_err.order ?> invalid<?cs /if ?>">
      <label for="c-order"><?cs var:Lang.contact.order ?> <span class="optional">(<?cs var:Lang.contact.optional ?>)</span></label>
      <input id="c-order" name="order" type="text" maxlength="<?cs var:Page.max.order ?>" value="<?cs var:Page.form.order ?>"<?cs call:invalid("order") ?>>
      <p class="hint"><?cs var:Lang.contact.order_hint ?></p>
      <?cs call:fielderr("order") ?>
    </div>
    <div class="field<?cs if:?Page.field_err.subject ?> invalid<?cs /if ?>">
      <label for="c-subject"><?cs var:Lang.contact.subject ?></label>
      <input id="c-subject" name="subject" type="text" required maxlength="<?cs var:Page.max.subject ?>" value="<?cs var:Page.form.subject ?>"<?cs call:invalid("subject") ?>>
      <?cs call:fielderr("subject") ?>
    </div>
    <div class="field<?cs if:?Page.field_err.message ?> invalid<?cs /if ?>">
      <label for="c-message"><?cs var:Lang.contact.message ?></label>
      <textarea id="c-message" name="message" rows="8" required maxlength="<?cs var:Page.max.message ?>"<?cs call:invalid("message") ?>><?cs var:Page.form.message ?></textarea>
      <?cs call:fielderr("message") ?>
    </div>
    <div class="hp" aria-hidden="true">
      <label for="c-website"><?cs var:Lang.contact.honeypot ?></label>
      <input id="c-website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
    </div>
    <p><button class="button primary" type="submit"><?cs var:Lang.contact.send ?></button></p>
  </form>
  <aside class="contact-channels">
    <h2><?cs var:Lang.contact.title ?></h2>
    <div id="contact-identity"><?cs include:"partials/identity.cs" ?></div>
    <?cs if:Store.whatsapp_url ?><p><a class="button" href="<?cs var:Store.whatsapp_url ?>" rel="noopener" id="contact-whatsapp"><?cs var:Lang.content.whatsapp_chat ?></a></p><?cs /if ?>
  </aside>
</section>
<?cs /def ?>
