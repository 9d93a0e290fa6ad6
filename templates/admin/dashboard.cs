<?cs # Dashboard: Page.todo.<status>.N, Page.recent.N (order rows). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.adm.dashboard ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("dashboard") ?>
  <h1><?cs var:Lang.adm.dashboard ?></h1>
  <h2><?cs var:Lang.adm.todo_proofs ?></h2>
  <?cs call:adm_orders(Page.todo.proof_received, "todo-proofs") ?>
  <h2><?cs var:Lang.adm.todo_unpaid ?></h2>
  <?cs call:adm_orders(Page.todo.awaiting_payment, "todo-unpaid") ?>
  <h2><?cs var:Lang.adm.recent ?></h2>
  <?cs call:adm_orders(Page.recent, "recent") ?>
</section>
<?cs /def ?>
