<?cs # My subscriptions (cgi-bin/account.c page_subscriptions): Page.subs
      (subs_hdf.h subs_put). ?>
<?cs include:"partials/subs.cs" ?>
<?cs def:title() ?><?cs var:Lang.sub.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account subscriptions">
  <h1><?cs var:Lang.sub.title ?></h1>
  <?cs if:Page.subs_count == 0 ?>
  <p class="empty" id="acct-empty"><?cs var:Lang.sub.none ?></p>
  <?cs else ?>
  <?cs call:subs_list(Page.subs) ?>
  <?cs /if ?>
  <p><a href="/account"><?cs var:Lang.acct.empty_back ?></a></p>
</section>
<?cs /def ?>
