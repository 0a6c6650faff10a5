//! The participant's web page: plain HTML forms that work on any phone,
//! and a few lines of script that reload it when the projector moves on
//! (never while a note is being typed).

use super::form::escape;
use super::view::RoomView;

/// The most characters of a note.
pub const MAX_NOTE: usize = 280;

const STYLE: &str = "body{font-family:sans-serif;margin:0 auto;max-width:36em;padding:1em;\
font-size:18px;line-height:1.4}h1{font-size:1.3em;margin:.2em 0}\
.stage{background:#eef;padding:.5em;border-radius:.4em}\
textarea,input{width:100%;font-size:1em;box-sizing:border-box}\
button{font-size:1em;padding:.4em .9em;margin:.2em}\
.card{border:1px solid #ccc;border-radius:.4em;padding:.5em;margin:.5em 0}\
.dots{color:#c60;font-weight:bold}.msg{background:#efe;padding:.5em;border-radius:.4em}\
.err{background:#fee}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8>\
         <meta name=viewport content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>{body}</body></html>",
        escape(title)
    )
}

/// The page that asks for the join code.
pub fn join_page(error: Option<&str>) -> String {
    let error = error.map_or(String::new(), |e| {
        format!("<p class=\"msg err\" id=error>{}</p>", escape(e))
    });
    page(
        "Join the workshop",
        &format!(
            "<h1>Join the workshop</h1>{error}\
             <form method=post action=/join><label for=code>The code on the screen</label>\
             <input id=code name=code autocomplete=off autocapitalize=characters maxlength=12>\
             <button id=join>Join</button></form>"
        ),
    )
}

/// A short page saying what happened, with a way back.
pub fn message_page(text: &str) -> String {
    page(
        "Waymark",
        &format!(
            "<p class=\"msg err\" id=message>{}</p><p><a id=back href=/>Back</a></p>",
            escape(text)
        ),
    )
}

/// The room page for one phone: the stage, the vote and the note form.
pub fn room_page(view: &RoomView, phone: u32, version: u64, flash: Option<&str>) -> String {
    let mut body = format!(
        "<h1 id=title>{}</h1><p class=stage>On the screen: <b id=stage>{}</b></p>",
        escape(&view.title),
        escape(&view.stage)
    );
    if let Some(flash) = flash {
        body.push_str(&format!("<p class=msg id=flash>{}</p>", escape(flash)));
    }
    if let Some(vote) = &view.vote {
        if vote.revealed {
            body.push_str("<h2>The votes are in</h2><ol id=top>");
            for (place, title, votes) in &vote.top {
                body.push_str(&format!(
                    "<li value={place}>{} <span class=dots>{votes} dots</span></li>",
                    escape(title)
                ));
            }
            body.push_str("</ol>");
        } else {
            let left = vote.left(phone);
            body.push_str(&format!(
                "<h2>Dot vote</h2><p>You have <b id=left>{left}</b> of {} dots left. \
                 Nobody sees the counts until they are revealed.</p>",
                vote.dots
            ));
            for (card, title) in &vote.cards {
                let mine = vote.mine(phone, *card);
                let dots = "●".repeat(mine as usize);
                body.push_str(&format!(
                    "<form class=card method=post action=/vote>\
                     <input type=hidden name=card value={id}>{} \
                     <span class=dots id=mine-{id}>{dots}</span><br>\
                     <button name=op value=add id=add-{id}{off}>+ dot</button>\
                     <button name=op value=remove id=remove-{id}{none}>take back</button>\
                     </form>",
                    escape(title),
                    id = card.0,
                    off = if left == 0 { " disabled" } else { "" },
                    none = if mine == 0 { " disabled" } else { "" },
                ));
            }
        }
    }
    body.push_str(&format!(
        "<h2>Add a note</h2><form method=post action=/note>\
         <label for=note>Your note on “{stage}” (the facilitator sees it first)</label>\
         <textarea id=note name=text rows=3 maxlength={MAX_NOTE}></textarea>\
         <button id=send>Send note</button></form>\
         <script>let v={version};setInterval(()=>{{let n=document.getElementById('note');\
         if(n.value||document.activeElement===n)return;fetch('/version').then(r=>r.text())\
         .then(t=>{{if(t!==String(v))location.replace('/')}}).catch(()=>{{}})}},2000)</script>",
        stage = escape(&view.stage)
    ));
    page("Waymark workshop", &body)
}
