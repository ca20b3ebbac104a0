// Keeps a shift review's draft in the browser (localStorage) until the server confirms it, so a weak connection
// loses nothing that was typed. The draft includes the form's submission key: sending the same draft again is a
// retry the server recognises, never a second review. A draft is forgotten only on a review page that shows exactly
// what it says (slot, words, tags, absences, notes): its key alone proves nothing, since an old draft may have been
// reopened and typed over.
(() => {
    if (window.reviewDraftReady) return;
    window.reviewDraftReady = true;
    const skip = new Set(["__RequestVerificationToken", "_handler"]);

    function read(form) {
        const fields = {};
        for (const element of form.elements) {
            if (!element.name || skip.has(element.name)) continue;
            if (element.type === "checkbox" || element.type === "radio") {
                if (!element.checked) continue;
                (fields[element.name] ??= []).push(element.value);
            } else {
                (fields[element.name] ??= []).push(element.value);
            }
        }
        return fields;
    }

    // The draft is a full snapshot of the form: a checkbox missing from it was not ticked.
    function write(form, fields, contentOnly) {
        const pending = Object.fromEntries(Object.entries(fields).map(([name, values]) => [name, [...values]]));
        for (const element of form.elements) {
            const name = element.name;
            if (!name || skip.has(name) || (contentOnly && element.type === "hidden")) continue;
            if (element.type === "checkbox" || element.type === "radio") element.checked = (pending[name] ?? []).includes(element.value);
            else if (name in pending) element.value = pending[name].shift() ?? element.value;
        }
        form.querySelectorAll("details").forEach(details => {
            // Only what a person chose opens a section: a select that always has a value (the kind of note) does not.
            const typed = [...details.querySelectorAll("input:not([type=checkbox]), textarea, select")]
                .some(e => e.value && !(e.tagName === "SELECT" && e.options[0]?.value !== ""));
            if (typed) details.open = true;
        });
    }

    function load(key) {
        try { return JSON.parse(localStorage.getItem(key) ?? "null"); } catch { return null; }
    }

    function slotOf(fields) { return `${fields.shiftDate?.[0] ?? ""}|${fields.shiftKey?.[0] ?? ""}`; }

    // A draft's content in the shape the review page gives the stored review (ReviewPage.StoredForDrafts).
    function contentOf(fields) {
        const text = name => (fields[name]?.[0] ?? "").replace(/\r\n/g, "\n").trim();
        const set = name => [...new Set((fields[name] ?? []).filter(v => v))].sort();
        const notes = [];
        for (let i = 0; `note${i}.person` in fields || `note${i}.text` in fields; i++) {
            const person = fields[`note${i}.person`]?.[0] ?? "", points = fields[`note${i}.points`]?.[0] ?? "", words = text(`note${i}.text`);
            if (person || points || words) notes.push(`${person}|${fields[`note${i}.kind`]?.[0] ?? ""}|${points}|${words}`);
        }
        return {
            wentWell: text("wentWell"), wentWellPoints: set("wentWellPoints"), fellShort: text("fellShort"),
            fellShortPoints: set("fellShortPoints"), followUps: text("followUps"), absent: set("absent"), notes,
        };
    }

    function isStored(draft, stored) {
        if (!draft || slotOf(draft) !== stored.slot) return false;
        const mine = contentOf(draft);
        const same = ["wentWell", "wentWellPoints", "fellShort", "fellShortPoints", "followUps", "absent"]
            .every(name => JSON.stringify(mine[name]) === JSON.stringify(stored[name]));
        const notes = [...stored.notes];
        return same && mine.notes.every(note => { const at = notes.indexOf(note); if (at < 0) return false; notes.splice(at, 1); return true; });
    }

    function attach(form) {
        if (form.dataset.draftAttached) return;
        form.dataset.draftAttached = "1";
        const key = form.dataset.reviewDraft;
        const draft = load(key);
        // A form re-shown with the server's errors already carries what was typed; otherwise bring the draft back.
        if (!form.querySelector(".alert-danger")) {
            if (draft) write(form, draft, false);
            // On a review someone else filed first, the unsent draft's words go into the change form, for that shift only.
            const other = form.dataset.draftRestoreFrom ? load(form.dataset.draftRestoreFrom) : null;
            if (!draft && other && slotOf(other) === slotOf(read(form))) write(form, other, true);
        }
        const save = () => localStorage.setItem(key, JSON.stringify(read(form)));
        // Re-shown by the server (errors, or a fresh submission key): the form as it stands now is the draft.
        if (form.querySelector(".alert-danger")) save();
        form.addEventListener("input", save);
        form.addEventListener("change", save);
        form.addEventListener("submit", save);
        const status = form.querySelector("[data-draft-status]");
        if (status && draft) status.dataset.restored = "1";
    }

    // The review page says what review the server holds; a draft that says the same is no longer needed.
    function confirm(marker) {
        let stored;
        try { stored = JSON.parse(marker.dataset.stored ?? ""); } catch { return; }
        for (const key of [marker.dataset.reviewConfirmed, marker.dataset.editKey]) {
            if (key && isStored(load(key), stored)) localStorage.removeItem(key);
        }
    }

    function scan() {
        document.querySelectorAll("[data-review-confirmed]").forEach(confirm);
        document.querySelectorAll("form[data-review-draft]:not([hidden])").forEach(attach);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
    else scan();
    // Enhanced navigation swaps the page without a load event.
    window.Blazor?.addEventListener?.("enhancedload", scan);
    document.addEventListener("blazor:enhancedload", scan);
})();
