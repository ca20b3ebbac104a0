// Uploads a clip in chunks with a progress bar. The upload's id is kept in the browser, keyed by the file, so that a
// broken connection — or a closed tab, when the same file is chosen again — carries on from the last byte the
// server has instead of starting over.
(() => {
    if (window.clipUploadReady) return;
    window.clipUploadReady = true;
    const api = "/api/clips/uploads";

    function attach(form) {
        if (form.dataset.attached) return;
        form.dataset.attached = "1";
        const token = form.querySelector("input[name=__RequestVerificationToken]").value;
        const file = form.querySelector("input[type=file]");
        const bar = form.querySelector("[data-upload-bar]");
        const status = form.querySelector("[data-upload-status]");
        const submit = form.querySelector("button[type=submit]");
        const cancel = form.querySelector("[data-upload-cancel]");
        let uploadId = null;
        let stopped = false;

        const headers = json => ({ "RequestVerificationToken": token, ...(json ? { "Content-Type": "application/json" } : {}) });
        const keyOf = f => `clip-upload:${f.name}:${f.size}:${f.lastModified}`;
        const say = (text, kind = "muted") => { status.textContent = text; status.className = `small text-${kind}`; };
        const progress = (sent, total) => {
            const percent = total ? Math.floor(sent * 100 / total) : 0;
            bar.style.width = `${percent}%`;
            bar.textContent = `${percent}%`;
            bar.parentElement.setAttribute("aria-valuenow", percent);
        };

        function details() {
            const value = name => form.elements[name]?.value ?? "";
            return {
                slug: value("slug"), title: value("title"), description: value("description"),
                kind: Number(value("kind")), siteId: value("siteId") ? Number(value("siteId")) : null,
                recordedOn: value("recordedOn") || null,
            };
        }

        function showErrors(errors) {
            form.querySelectorAll("[data-error-for]").forEach(e => {
                e.textContent = errors?.[e.dataset.errorFor] ?? "";
                form.elements[e.dataset.errorFor.charAt(0).toLowerCase() + e.dataset.errorFor.slice(1)]?.classList.toggle("is-invalid", !!errors?.[e.dataset.errorFor]);
            });
        }

        async function call(method, url, body) {
            const response = await fetch(url, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
            const text = await response.text();
            return { status: response.status, body: text ? JSON.parse(text) : null };
        }

        // One chunk by XMLHttpRequest, for the progress of the bytes inside it.
        function put(id, offset, blob, total) {
            return new Promise(resolve => {
                const request = new XMLHttpRequest();
                request.open("PUT", `${api}/${id}?offset=${offset}`);
                request.setRequestHeader("RequestVerificationToken", token);
                request.setRequestHeader("Content-Type", "application/octet-stream");
                request.upload.onprogress = e => progress(offset + e.loaded, total);
                request.onload = () => resolve({ status: request.status, body: request.responseText ? JSON.parse(request.responseText) : null });
                request.onerror = request.onabort = () => resolve({ status: 0, body: null });
                request.send(blob);
            });
        }

        // Resumes a known upload of this file, or starts one (the server checks the details before any byte is sent).
        async function begin(chosen) {
            const known = localStorage.getItem(keyOf(chosen));
            if (known) {
                const state = await call("GET", `${api}/${known}`);
                if (state.status === 200) {
                    const saved = await call("PUT", `${api}/${known}/details`, { fileName: chosen.name, totalBytes: chosen.size, ...details() });
                    if (saved.status === 400) { showErrors(saved.body.errors); return null; }
                    return state.body;
                }
                localStorage.removeItem(keyOf(chosen));
            }
            const started = await call("POST", api, { fileName: chosen.name, totalBytes: chosen.size, ...details() });
            if (started.status === 400) { showErrors(started.body.errors); return null; }
            if (started.status !== 201) throw new Error(String(started.status));
            localStorage.setItem(keyOf(chosen), started.body.id);
            return started.body;
        }

        async function send(chosen, state) {
            let offset = state.receivedBytes;
            let wait = 1000;
            while (offset < chosen.size && !stopped) {
                const result = await put(state.id, offset, chosen.slice(offset, offset + state.chunkBytes), chosen.size);
                if (result.status === 200 || result.status === 409) {
                    offset = result.body.receivedBytes;
                    wait = 1000;
                    say(form.dataset.textUploading);
                } else if (result.status === 404) {
                    throw new Error("gone");
                } else {
                    // A weak connection: wait a little longer each time, then carry on from what the server has.
                    say(form.dataset.textRetrying, "warning");
                    await new Promise(r => setTimeout(r, wait));
                    wait = Math.min(wait * 2, 30000);
                    const known = await call("GET", `${api}/${state.id}`).catch(() => null);
                    if (known?.status === 200) offset = known.body.receivedBytes;
                }
                progress(offset, chosen.size);
            }
            return offset >= chosen.size;
        }

        form.addEventListener("submit", async event => {
            event.preventDefault();
            const chosen = file.files[0];
            showErrors(null);
            if (!chosen) { showErrors({ File: form.dataset.textNoFile }); return; }
            submit.disabled = true;
            cancel.hidden = false;
            stopped = false;
            try {
                const state = await begin(chosen);
                if (!state) return;
                uploadId = state.id;
                say(form.dataset.textUploading);
                if (!await send(chosen, state)) return;
                say(form.dataset.textChecking);
                const done = await call("POST", `${api}/${uploadId}/complete`);
                if (done.status === 201) {
                    localStorage.removeItem(keyOf(chosen));
                    say(form.dataset.textDone, "success");
                    location.href = done.body.url;
                } else if (done.status === 400) {
                    showErrors(done.body.errors);
                    say(form.dataset.textFixDetails, "danger");
                } else if (done.status === 409 && done.body?.error) {
                    // Another tab or a retried request is completing this upload, or bytes are missing: say which.
                    say(done.body.error, "warning");
                } else if (done.status === 422) {
                    localStorage.removeItem(keyOf(chosen));
                    progress(0, 1);
                    showErrors({ File: done.body.error });
                    say(done.body.error, "danger");
                } else {
                    say(form.dataset.textFailed, "danger");
                }
            } catch {
                say(form.dataset.textFailed, "danger");
            } finally {
                submit.disabled = false;
            }
        });

        cancel.addEventListener("click", async () => {
            stopped = true;
            const chosen = file.files[0];
            if (uploadId) await call("DELETE", `${api}/${uploadId}`).catch(() => null);
            if (chosen) localStorage.removeItem(keyOf(chosen));
            uploadId = null;
            progress(0, 1);
            cancel.hidden = true;
            say(form.dataset.textCancelled);
        });
    }

    const scan = () => document.querySelectorAll("form[data-clip-upload]").forEach(attach);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
    else scan();
    document.addEventListener("blazor:enhancedload", scan);
    window.Blazor?.addEventListener?.("enhancedload", scan);
})();
