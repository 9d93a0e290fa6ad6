-- 019: back-office operations (docs/admin.md): staff replies to contact
-- messages, threaded by mail.
--
-- mail_outbox.in_reply_to / refs: the Message-ID a mail answers and the
-- thread's Message-IDs (oldest first, one space apart), '' when none; the
-- sender writes them as In-Reply-To: and References:.
ALTER TABLE mail_outbox ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN refs TEXT NOT NULL DEFAULT '';

-- message_replies: what staff answered to a contact message from
-- /admin/message/<id>; mail_id is the reply queued to the shopper in the
-- same transaction.
CREATE TABLE message_replies (
	id		INTEGER PRIMARY KEY,
	message_id	INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	author		TEXT NOT NULL,
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
	mail_id		INTEGER REFERENCES mail_outbox(id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX message_replies_message ON message_replies(message_id, id);
