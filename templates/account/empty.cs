<?cs # "My subscriptions" and "My library" until the subscriptions and
      downloads issue fills them: they say honestly there is nothing yet. ?>
<?cs def:title() ?><?cs var:Lang.acct[Page.section] ?><?cs /def ?>
<?cs def:main() ?>
<section class="account">
  <h1><?cs var:Lang.acct[Page.section] ?></h1>
  <p class="empty" id="acct-empty"><?cs var:Lang.acct["no_" + Page.section] ?></p>
  <p><a href="/account"><?cs var:Lang.acct.empty_back ?></a></p>
</section>
<?cs /def ?>
