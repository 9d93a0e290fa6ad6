/* db_user.c — see db_user.h. */
#include <string.h>

#include "db_internal.h"
#include "db_user.h"

#define USER_COLS "id, email, email_norm, name, phone, lang, role, pw_hash, " \
	"verified_at IS NOT NULL, disabled, deleted_at IS NOT NULL, " \
	"coalesce(totp_secret, ''), totp_enabled, created_at"

enum {
	Q_BY_ID, Q_BY_EMAIL, Q_ADD, Q_SET_PW, Q_SET_ROLE, Q_SET_DISABLED,
	Q_SET_PROFILE, Q_SET_EMAIL, Q_SET_VERIFIED, Q_LIST, Q_TOTP_SET,
	Q_TOTP_STEP, Q_REC_CLEAR, Q_REC_ADD, Q_REC_USE, Q_REC_LEFT,
	Q_DEV_ADD, Q_ADDR_LIST, Q_ADDR_ADD, Q_ADDR_DEL, Q_ORDERS,
	Q_ANON_ORDERS, Q_ANON_MSGS, Q_ANON_USER, Q_DEL_ADDR, Q_DEL_SESS,
	Q_DEL_TOK, Q_DEL_REC, Q_DEL_DEV, Q_ANON_CARTS,
	Q_SEARCH,
	Q_ADMINS,
	Q_DEL_NOTES,
	Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_BY_ID] = "SELECT " USER_COLS " FROM users WHERE id = ?",
	[Q_BY_EMAIL] = "SELECT " USER_COLS " FROM users WHERE email_norm = ?",
	[Q_ADD] = "INSERT INTO users(email, email_norm, name, pw_hash, role, "
	    "lang, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
	[Q_SET_PW] = "UPDATE users SET pw_hash = ?2, updated_at = ?3 WHERE id = ?1",
	[Q_SET_ROLE] = "UPDATE users SET role = ?2, updated_at = ?3 WHERE id = ?1",
	[Q_SET_DISABLED] = "UPDATE users SET disabled = ?2, updated_at = ?3 "
	    "WHERE id = ?1",
	[Q_SET_PROFILE] = "UPDATE users SET name = ?2, phone = ?3, "
	    "updated_at = ?4 WHERE id = ?1",
	/* A confirmed new address is a verified one. */
	[Q_SET_EMAIL] = "UPDATE users SET email = ?2, email_norm = ?3, "
	    "verified_at = ?4, updated_at = ?4 WHERE id = ?1",
	[Q_SET_VERIFIED] = "UPDATE users SET verified_at = coalesce(verified_at, "
	    "?2), updated_at = ?2 WHERE id = ?1",
	[Q_LIST] = "SELECT " USER_COLS " FROM users WHERE deleted_at IS NULL "
	    "ORDER BY role = 'customer', id",
	[Q_TOTP_SET] = "UPDATE users SET totp_secret = ?2, totp_enabled = ?3, "
	    "totp_last_step = 0, updated_at = ?4 WHERE id = ?1",
	[Q_TOTP_STEP] = "UPDATE users SET totp_last_step = ?2 WHERE id = ?1 "
	    "AND totp_last_step < ?2",
	[Q_REC_CLEAR] = "DELETE FROM recovery_codes WHERE user_id = ?",
	[Q_REC_ADD] = "INSERT INTO recovery_codes(user_id, hash) VALUES (?, ?)",
	[Q_REC_USE] = "UPDATE recovery_codes SET used_at = ?3 WHERE user_id = ?1 "
	    "AND hash = ?2 AND used_at IS NULL",
	[Q_REC_LEFT] = "SELECT count(*) FROM recovery_codes WHERE user_id = ? "
	    "AND used_at IS NULL",
	[Q_DEV_ADD] = "INSERT OR IGNORE INTO user_devices(user_id, device_hash, "
	    "first_at) VALUES (?, ?, ?)",
	[Q_ADDR_LIST] = "SELECT id, address, city, postal_code, country FROM "
	    "user_addresses WHERE user_id = ? ORDER BY id",
	[Q_ADDR_ADD] = "INSERT INTO user_addresses(user_id, address, city, "
	    "postal_code, country, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_ADDR_DEL] = "DELETE FROM user_addresses WHERE user_id = ? AND id = ?",
	[Q_ORDERS] = "SELECT token, reference, status, currency, total_minor, "
	    "created_at, user_id IS NULL, payment_method FROM orders WHERE user_id = ?1 "
	    "UNION ALL SELECT token, reference, status, currency, total_minor, "
	    "created_at, 1, payment_method FROM orders WHERE ?2 IS NOT NULL AND email_norm = ?2 "
	    "AND user_id IS NULL ORDER BY 6 DESC LIMIT 200",
	[Q_ANON_ORDERS] = "UPDATE orders SET customer_name = '', "
	    "email = 'deleted-' || id || '@invalid', "
	    "email_norm = 'deleted-' || id || '@invalid', phone = '', "
	    "address = NULL, city = NULL, postal_code = NULL, updated_at = ?3 "
	    "WHERE user_id = ?1 OR (?2 IS NOT NULL AND email_norm = ?2)",
	[Q_ANON_MSGS] = "UPDATE messages SET name = '-', email = 'deleted@invalid', "
	    "body = '-', client_addr = '', user_agent = '' WHERE ?1 IS NOT NULL "
	    "AND lower(email) = ?1",
	[Q_ANON_USER] = "UPDATE users SET email = 'deleted-' || id || '@invalid', "
	    "email_norm = 'deleted-' || id || '@invalid', name = '', phone = '', "
	    "pw_hash = '!', totp_secret = NULL, totp_enabled = 0, disabled = 1, "
	    "deleted_at = ?3, updated_at = ?3 WHERE id = ?1",
	[Q_DEL_ADDR] = "DELETE FROM user_addresses WHERE user_id = ?",
	[Q_DEL_SESS] = "DELETE FROM sessions WHERE user_id = ?",
	[Q_DEL_TOK] = "DELETE FROM user_tokens WHERE user_id = ?",
	[Q_DEL_REC] = "DELETE FROM recovery_codes WHERE user_id = ?",
	[Q_DEL_DEV] = "DELETE FROM user_devices WHERE user_id = ?",
	[Q_ANON_CARTS] = "UPDATE carts SET user_id = NULL WHERE user_id = ?",
	/* The back office's customer list: every filter "unset or
	 * matching"; ids grow with time, so the keyset is the id. */
	[Q_SEARCH] = "SELECT " USER_COLS " FROM users WHERE deleted_at IS NULL "
	    "AND (?1 = '' OR instr(email_norm, lower(?1)) > 0 "
	    "OR instr(lower(name), lower(?1)) > 0 "
	    "OR (length(replace(?1, ' ', '')) >= 3 AND "
	    "instr(phone, replace(?1, ' ', '')) > 0)) "
	    "AND (?2 = '' OR role = ?2) AND (?3 = 0 OR id < ?3) "
	    "ORDER BY id DESC LIMIT ?4",
	[Q_ADMINS] = "SELECT count(*) FROM users WHERE role = 'admin' "
	    "AND disabled = 0 AND deleted_at IS NULL",
	[Q_DEL_NOTES] = "DELETE FROM customer_notes WHERE user_id = ?",
};
DB_STMTS(stmts, sql, Q__MAX);

static const char *const roles[] = { NULL, "customer", "employee", "admin" };

const char *
role_name(enum role r)
{
	return r >= ROLE_NONE && r <= ROLE_ADMIN ? roles[r] : NULL;
}

int
role_from_name(const char *s)
{
	for (int i = ROLE_CUSTOMER; i <= ROLE_ADMIN; i++)
		if (s != NULL && strcmp(s, roles[i]) == 0)
			return i;
	return -1;
}

/* Fills u from a row of USER_COLS. */
static void
user_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct user *u = row;

	int r;

	u->id = db_col_int(st, 0);
	u->email = db_col_text(a, st, 1);
	u->email_norm = db_col_text(a, st, 2);
	u->name = db_col_text(a, st, 3);
	u->phone = db_col_text(a, st, 4);
	u->lang = db_col_text(a, st, 5);
	r = role_from_name((const char *)sqlite3_column_text(st, 6));
	u->role = r < 0 ? ROLE_CUSTOMER : (enum role)r;
	u->pw_hash = db_col_text(a, st, 7);
	u->verified = (int)db_col_int(st, 8);
	u->disabled = (int)db_col_int(st, 9);
	u->deleted = (int)db_col_int(st, 10);
	u->totp_secret = db_col_text(a, st, 11);
	u->totp_enabled = (int)db_col_int(st, 12);
	u->created_at = db_col_int(st, 13);
}

/* One user from statement q bound by bind(); 0, 1 or -1. */
static int
user_one(struct db *db, struct arena *a, sqlite3_stmt *st, struct user *u)
{
	int rc = sqlite3_step(st);

	memset(u, 0, sizeof(*u));
	if (rc == SQLITE_ROW)
		user_row(a, st, u);
	db_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : db_fail(db, "user");
}

int
db_user_by_id(struct db *db, struct arena *a, long long id, struct user *u)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_ID);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return user_one(db, a, st, u);
}

int
db_user_by_email(struct db *db, struct arena *a, const char *norm,
    struct user *u)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_EMAIL);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, norm);
	return user_one(db, a, st, u);
}

long long
db_user_add(struct db *db, const char *email, const char *norm,
    const char *name, const char *pw_hash, enum role role, const char *lang,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADD);

	if (st == NULL || role_name(role) == NULL)
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, norm);
	db_bind_text(st, 3, name ? name : "");
	db_bind_text(st, 4, pw_hash);
	db_bind_text(st, 5, role_name(role));
	db_bind_text(st, 6, lang ? lang : "en");
	db_bind_int(st, 7, now);
	return db_insert(db, st, "user add");
}

/* Runs statement q on (id, text or int value, now); 0 or -1 (-2 taken). */
static int
set_one(struct db *db, int q, long long id, const char *text, long long v,
    long long now, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (text != NULL)
		db_bind_text(st, 2, text);
	else
		db_bind_int(st, 2, v);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, what);
}

int
db_user_set_password(struct db *db, long long id, const char *h, long long now)
{
	return set_one(db, Q_SET_PW, id, h, 0, now, "user password");
}

int
db_user_set_role(struct db *db, long long id, enum role r, long long now)
{
	if (role_name(r) == NULL)
		return -1;
	return set_one(db, Q_SET_ROLE, id, role_name(r), 0, now, "user role");
}

int
db_user_set_disabled(struct db *db, long long id, int d, long long now)
{
	return set_one(db, Q_SET_DISABLED, id, NULL, d ? 1 : 0, now,
	    "user disabled");
}

/* Runs statement q on (id, text a, text b, now); 0 or -1. */
static int
set_two(struct db *db, int q, long long id, const char *a, const char *b,
    long long now, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, a);
	db_bind_text(st, 3, b);
	db_bind_int(st, 4, now);
	return db_step_done(db, st, what);
}

int
db_user_set_profile(struct db *db, long long id, const char *name,
    const char *phone, long long now)
{
	return set_two(db, Q_SET_PROFILE, id, name, phone, now, "user profile");
}

int
db_user_set_email(struct db *db, long long id, const char *email,
    const char *norm, long long now)
{
	return set_two(db, Q_SET_EMAIL, id, email, norm, now, "user email");
}

int
db_user_set_verified(struct db *db, long long id, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SET_VERIFIED);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	return db_step_done(db, st, "user verified");
}

int
db_user_list(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	return db_rows(db, st, "user list", a, sizeof(**out), user_row, out,
	    n) < 0 ? -1 : 0;
}

int
db_user_totp_set(struct db *db, long long id, const char *secret, int enabled,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_TOTP_SET);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (secret != NULL)
		db_bind_text(st, 2, secret);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, enabled ? 1 : 0);
	db_bind_int(st, 4, now);
	return db_step_done(db, st, "user totp");
}

int
db_user_totp_step(struct db *db, long long id, long long step)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_TOTP_STEP);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, step);
	if (db_step_done(db, st, "totp step") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) == 1 ? 0 : 1;
}

/* Runs a "DELETE ... WHERE user_id = ?" style statement. */
static int
by_user(struct db *db, int q, long long id, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, what) < 0 ? -1 : 0;
}

int
db_recovery_set(struct db *db, long long id, char (*hashes)[65], size_t n)
{
	if (by_user(db, Q_REC_CLEAR, id, "recovery clear") < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = db_stmt(db, &stmts, Q_REC_ADD);
		if (st == NULL)
			return -1;
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, hashes[i]);
		if (db_step_done(db, st, "recovery add") < 0)
			return -1;
	}
	return 0;
}

int
db_recovery_use(struct db *db, long long id, const char *hash, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REC_USE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, hash);
	db_bind_int(st, 3, now);
	if (db_step_done(db, st, "recovery use") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) == 1 ? 0 : 1;
}

long long
db_recovery_left(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REC_LEFT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_one_int(db, st, "recovery left");
}

int
db_device_seen(struct db *db, long long id, const char *hash, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DEV_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, hash);
	db_bind_int(st, 3, now);
	if (db_step_done(db, st, "device") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) == 1 ? 1 : 0;
}

/* db_row_fn: a user_address from the statement's columns. */
static void
read_addr_list(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct user_address *ad = row;

	ad->id = db_col_int(st, 0);
	ad->address = db_col_text(a, st, 1);
	ad->city = db_col_text(a, st, 2);
	ad->postal_code = db_col_text(a, st, 3);
	ad->country = db_col_text(a, st, 4);
}

int
db_addr_list(struct db *db, struct arena *a, long long id,
    struct user_address **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADDR_LIST);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_rows(db, st, "address list", a, sizeof(**out),
	    read_addr_list, out, n) < 0 ? -1 : 0;
}

long long
db_addr_add(struct db *db, long long id, const struct user_address *ad,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADDR_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, ad->address);
	db_bind_text(st, 3, ad->city);
	db_bind_text(st, 4, ad->postal_code ? ad->postal_code : "");
	db_bind_text(st, 5, ad->country);
	db_bind_int(st, 6, now);
	return db_insert(db, st, "address add");
}

int
db_addr_delete(struct db *db, long long id, long long addr_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADDR_DEL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, addr_id);
	if (db_step_done(db, st, "address delete") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) == 1 ? 0 : 1;
}

/* db_row_fn: a user_order from the statement's columns. */
static void
read_user_orders(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct user_order *o = row;

	o->token = db_col_text(a, st, 0);
	o->reference = db_col_text(a, st, 1);
	o->status = db_col_text(a, st, 2);
	o->currency = db_col_text(a, st, 3);
	o->total_minor = db_col_int(st, 4);
	o->created_at = db_col_int(st, 5);
	o->guest = (int)db_col_int(st, 6);
	o->method = db_col_text(a, st, 7);
}

int
db_user_orders(struct db *db, struct arena *a, long long id,
    const char *vnorm, struct user_order **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ORDERS);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (vnorm != NULL)
		db_bind_text(st, 2, vnorm);
	else
		db_bind_null(st, 2);
	return db_rows(db, st, "user orders", a, sizeof(**out),
	    read_user_orders, out, n) < 0 ? -1 : 0;
}

int
db_user_anonymise(struct db *db, long long id, const char *vnorm,
    long long now)
{
	static const int wipe[] = { Q_DEL_ADDR, Q_DEL_SESS, Q_DEL_TOK,
	    Q_DEL_REC, Q_DEL_DEV, Q_ANON_CARTS, Q_DEL_NOTES };
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_ANON_ORDERS)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (vnorm != NULL)
		db_bind_text(st, 2, vnorm);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, now);
	if (db_step_done(db, st, "anonymise orders") < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_ANON_MSGS)) == NULL)
		return -1;
	if (vnorm != NULL)
		db_bind_text(st, 1, vnorm);
	else
		db_bind_null(st, 1);
	if (db_step_done(db, st, "anonymise messages") < 0)
		return -1;
	for (size_t i = 0; i < sizeof(wipe) / sizeof(*wipe); i++)
		if (by_user(db, wipe[i], id, "account wipe") < 0)
			return -1;
	return set_one(db, Q_ANON_USER, id, NULL, now, now, "anonymise user");
}

int
db_user_search(struct db *db, struct arena *a, const char *q, enum role role,
    long long before, long long limit, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SEARCH);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, q ? q : "");
	db_bind_text(st, 2, role_name(role) ? role_name(role) : "");
	db_bind_int(st, 3, before);
	db_bind_int(st, 4, limit > 0 ? limit : -1);
	return db_rows(db, st, "user search", a, sizeof(**out), user_row, out,
	    n) < 0 ? -1 : 0;
}

long long
db_user_admins(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADMINS);

	return st == NULL ? -1 : db_one_int(db, st, "admins");
}
