<?cs # Form errors as whole sentences (lib/web/form_err.h puts the codes):
      fe_text(form, f, e) writes Lang.fmsg.<form>.<f>.<e>, else the
      generic Lang.fmsg.any.<e>.  A form's template lists Page.errors (in
      the form's field order) at the top, each a link to its field, and
      each field's message under it.  souk.js removes both once the field
      is fixed (data-fe-for on the message names the input). ?>
<?cs def:fe_text(form, f, e) ?><?cs if:?Lang.fmsg[form][f][e] ?><?cs var:Lang.fmsg[form][f][e] ?><?cs else ?><?cs var:Lang.fmsg.any[e] ?><?cs /if ?><?cs /def ?>
