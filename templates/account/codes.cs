<?cs def:title() ?><?cs var:Lang.acct.codes_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.codes_title ?></h1>
  <p><?cs var:Lang.acct.codes_text ?></p>
  <ul class="codes" id="recovery-codes"><?cs each:k = Page.codes ?><li><code><?cs var:k ?></code></li><?cs /each ?></ul>
  <p><a href="/account/security"><?cs var:Lang.acct.security_title ?></a></p>
</section>
<?cs /def ?>
