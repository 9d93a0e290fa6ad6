<?cs # Shared pieces of the account pages: the notice and error lines. ?>
<?cs def:acct_msgs() ?>
<?cs if:Page.notice ?><div class="notice ok" role="status" id="acct-notice"><p><?cs var:Lang.acct.notice[Page.notice] ?></p></div><?cs /if ?>
<?cs if:Page.error ?><div class="notice error" role="alert" id="acct-error"><p><?cs var:Lang.acct.err[Page.error] ?><?cs if:Page.retry_seconds ?> <?cs var:Lang.acct.retry_a ?> <?cs var:Page.retry_seconds ?> <?cs var:Lang.acct.retry_b ?><?cs /if ?></p></div><?cs /if ?>
<?cs /def ?>
