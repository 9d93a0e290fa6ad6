<?cs # One subscription for staff (cgi-bin/parts/admin/sub_act.c):
      Page.subs.0 (subs_hdf.h), Page.sub.{email,reason,state,order,pool},
      Page.can.{extend,suspend,resume,cancel}, Page.plans.N.{id,months,
      days}, Page.audit.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Page.subs.0.name ?> — <?cs var:Lang.adm.sub.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:hidden_sub(act) ?><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="sub" value="<?cs var:Page.subs.0.id ?>"><input type="hidden" name="do" value="<?cs var:act ?>"><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("subscriptions") ?>
  <?cs with:s = Page.subs.0 ?>
  <h1 id="sub-title"><?cs var:s.name ?></h1>
  <dl class="adm-facts" id="sub-facts">
    <div><dt><?cs var:Lang.adm.sub.status ?></dt><dd id="sub-status"><?cs var:Lang.sub.status[s.status] ?></dd></div>
    <?cs if:Page.sub.reason ?><div><dt><?cs var:Lang.adm.subact.reason ?></dt><dd id="sub-reason"><?cs var:Page.sub.reason ?></dd></div><?cs /if ?>
    <div><dt><?cs var:Lang.adm.sub.customer ?></dt><dd><?cs var:Page.sub.email ?></dd></div>
    <div><dt><?cs var:Lang.adm.sub.starts ?></dt><dd><?cs var:s.starts ?></dd></div>
    <div><dt><?cs var:Lang.adm.sub.ends ?></dt><dd id="sub-ends"><?cs var:s.ends ?></dd></div>
    <div><dt><?cs var:Lang.adm.sub.access ?></dt><dd id="sub-access"><?cs var:s.access ?></dd></div>
    <div><dt><?cs var:Lang.adm.sub.order ?></dt><dd><a href="/admin/order/<?cs var:Page.sub.order ?>"><?cs var:Lang.adm.sub.order ?> <?cs var:Page.sub.order ?></a></dd></div>
  </dl>
  <?cs if:subcount(s.cred) > 0 ?><dl class="sub-access" id="sub-cred"><?cs each:f = s.cred ?><div><dt><?cs var:f.name ?></dt><dd><code><?cs var:f.value ?></code></dd></div><?cs /each ?></dl><?cs /if ?>
  <h2><?cs var:Lang.adm.subact.title ?></h2>
  <div class="adm-actions">
  <?cs if:Page.can.extend == "1" ?>
  <form method="post" action="/admin/subscription/act" class="form" id="form-extend"><?cs call:hidden_sub("extend") ?>
    <fieldset><legend><?cs var:Lang.adm.subact.extend ?></legend>
    <div class="field"><label for="ext-days"><?cs var:Lang.adm.subact.days ?></label><input id="ext-days" name="days" type="number" min="1" max="3660" inputmode="numeric"></div>
    <?cs if:subcount(Page.plans) > 0 ?><div class="field"><label for="ext-plan"><?cs var:Lang.adm.subact.plan ?></label><select id="ext-plan" name="plan"><option value=""><?cs var:Lang.adm.subact.no_plan ?></option><?cs each:p = Page.plans ?><option value="<?cs var:p.id ?>"><?cs if:p.months > 0 ?><?cs var:p.months ?> <?cs var:Lang.adm.subact.months ?><?cs /if ?><?cs if:p.months > 0 && p.days > 0 ?> + <?cs /if ?><?cs if:p.days > 0 ?><?cs var:p.days ?> <?cs var:Lang.adm.subact.dayunit ?><?cs /if ?></option><?cs /each ?></select></div><?cs /if ?>
    <p class="hint"><?cs var:Lang.adm.subact.extend_help ?></p>
    <button type="submit" class="button primary" id="do-extend"><?cs var:Lang.adm.subact.extend ?></button></fieldset>
  </form><?cs /if ?>
  <?cs if:Page.can.suspend == "1" ?>
  <form method="post" action="/admin/subscription/act" class="form" id="form-suspend"><?cs call:hidden_sub("suspend") ?>
    <fieldset><legend><?cs var:Lang.adm.subact.suspend ?></legend>
    <div class="field"><label for="sus-reason"><?cs var:Lang.adm.subact.reason ?></label><textarea id="sus-reason" name="reason" required maxlength="500" rows="2"></textarea></div>
    <button type="submit" class="button" id="do-suspend"><?cs var:Lang.adm.subact.suspend ?></button></fieldset>
  </form><?cs /if ?>
  <?cs if:Page.can.resume == "1" ?>
  <form method="post" action="/admin/subscription/act" class="form" id="form-resume"><?cs call:hidden_sub("resume") ?>
    <button type="submit" class="button primary" id="do-resume"><?cs var:Lang.adm.subact.resume ?></button>
  </form><?cs /if ?>
  <?cs if:Page.sub.pool == "1" && Page.can.cancel == "1" ?>
  <form method="post" action="/admin/subscription/act" class="form" id="form-reassign"><?cs call:hidden_sub("reassign") ?>
    <fieldset><legend><?cs var:Lang.adm.subact.reassign ?></legend>
    <p class="hint"><?cs var:Lang.adm.subact.reassign_help ?></p>
    <div class="field"><span class="label"><?cs var:Lang.adm.subact.old ?></span>
      <label><input type="radio" name="old" value="retire" checked> <?cs var:Lang.adm.subact.retire ?></label>
      <label><input type="radio" name="old" value="return"> <?cs var:Lang.adm.subact.give_back ?></label></div>
    <button type="submit" class="button" id="do-reassign"><?cs var:Lang.adm.subact.reassign ?></button></fieldset>
  </form><?cs /if ?>
  <?cs if:Page.can.cancel == "1" ?>
  <form method="post" action="/admin/subscription/act" class="form" id="form-cancel"><?cs call:hidden_sub("cancel") ?>
    <fieldset><legend><?cs var:Lang.adm.subact.cancel ?></legend>
    <div class="field"><label for="can-reason"><?cs var:Lang.adm.subact.reason ?></label><textarea id="can-reason" name="reason" required maxlength="500" rows="2"></textarea></div>
    <p class="hint"><?cs var:Lang.adm.subact.cancel_help ?></p>
    <button type="submit" class="button danger" id="do-cancel"><?cs var:Lang.adm.subact.cancel ?></button></fieldset>
  </form><?cs /if ?>
  </div>
  <?cs /with ?>
  <?cs if:subcount(Page.audit) > 0 ?>
  <h2><?cs var:Lang.adm.subact.history ?></h2>
  <ul class="adm-audit" id="sub-audit"><?cs each:a = Page.audit ?><li><time><?cs var:a.at ?></time> <?cs var:a.actor ?>: <?cs var:a.action ?><?cs if:a.detail ?> — <?cs var:a.detail ?><?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
</section>
<?cs /def ?>
