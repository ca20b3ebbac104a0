// Keeps an inspection's ticks and notes in the browser (localStorage) until the server confirms the inspection, so a
// lost connection on site loses nothing that was typed. The draft carries the form's submission key: sending the same
// draft again is a retry the server recognises, never a second inspection. Photos cannot be kept by a browser; they
// are chosen again if the page had to be reloaded. The inspection page names the key it stored, and that draft goes.
(() => {
    if (window.inspectionDraftReady) return;
    window.inspectionDraftReady = true;
    const prefix = "inspection-draft:";
    const skip = new Set(["__RequestVerificationToken", "_handler"]);

    function read(form) {
        const fields = {};
        for (const element of form.elements) {
            if (!element.name || skip.has(element.name) || element.type === "file") continue;
            if ((element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
            (fields[element.name] ??= []).push(element.value);
        }
        return fields;
    }

    function write(form, fields) {
        for (const element of form.elements) {
            const name = element.name;
            if (!name || skip.has(name) || element.type === "file" || name === "formRevisionId" || name === "personId") continue;
            if (element.type === "checkbox" || element.type === "radio") element.checked = (fields[name] ?? []).includes(element.value);
            else if (name in fields) element.value = fields[name][0] ?? element.value;
        }
        form.querySelectorAll("details").forEach(details => {
            if ([...details.querySelectorAll("textarea")].some(t => t.value)) details.open = true;
        });
    }

    function load(key) {
        try { return JSON.parse(localStorage.getItem(key) ?? "null"); } catch { return null; }
    }

    // Enhanced navigation may keep the same <form> element for another post's form: the key is read when it is
    // needed, and a form whose key changed gets that key's draft back.
    function attach(form) {
        const key = form.dataset.inspectionDraft;
        if (form.dataset.draftAttached === key) return;
        const listening = form.dataset.draftAttached !== undefined;
        form.dataset.draftAttached = key;
        const draft = load(key);
        // A form re-shown with the server's errors already carries what was sent; otherwise bring the draft back.
        if (draft && !form.querySelector(".alert-danger") && draft.formRevisionId?.[0] === form.elements.formRevisionId?.value) write(form, draft);
        if (listening) return;
        const save = () => {
            try {
                localStorage.setItem(form.dataset.inspectionDraft, JSON.stringify(read(form)));
                const status = form.querySelector("[data-draft-status]");
                if (status) status.dataset.saved = "1";
            } catch { /* storage full or disabled: the form still works */ }
        };
        form.addEventListener("input", save);
        form.addEventListener("change", save);
        form.addEventListener("submit", save);
    }

    function forgetConfirmed() {
        for (const confirmed of document.querySelectorAll("[data-inspection-confirmed]")) {
            const sent = confirmed.dataset.inspectionConfirmed;
            if (!sent) continue;
            for (let i = localStorage.length - 1; i >= 0; i--) {
                const key = localStorage.key(i);
                if (key?.startsWith(prefix) && load(key)?.submissionKey?.[0] === sent) localStorage.removeItem(key);
            }
        }
    }

    function run() {
        forgetConfirmed();
        document.querySelectorAll("form[data-inspection-draft]").forEach(attach);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
    window.Blazor?.addEventListener?.("enhancedload", run);
    document.addEventListener("blazor:enhancedload", run);
})();
