<?cs # After a message was accepted (POST -> 303 -> GET /contact?sent=1). ?>
<?cs def:title() ?><?cs var:Lang.contact.thanks_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="contact thanks" id="contact-thanks">
  <h1><?cs var:Lang.contact.thanks_title ?></h1>
  <p><?cs var:Lang.contact.thanks_text ?></p>
  <p class="note"><?cs var:Lang.contact.thanks_spam ?></p>
  <p><a class="button primary" href="/"><?cs var:Lang.contact.continue ?></a> <a href="/contact"><?cs var:Lang.contact.another ?></a></p>
</section>
<?cs /def ?>
