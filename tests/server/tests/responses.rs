//! Threads and responses: the agent's timeline, structured answers, failure, cancel,
//! long-poll timing, shared threads, lists and feedback.

mod common;

use std::time::{Duration, Instant};

use common::{assert_error, start, wait_final};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn create(api: &common::Api, body: Value) -> Value {
    let reply = api.post("/v1/responses", body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body
}

fn ask(content: &str) -> Value {
    json!({"messages": [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": content}
    ]})
}

#[tokio::test]
async fn the_agent_walks_its_timeline() {
    let api = start().await;
    let created = create(&api, ask("What is Rust?")).await;
    assert_eq!(created["status"], "queued");
    for field in ["response_id", "thread_id", "tenant_id", "created_at"] {
        assert!(created[field].is_string(), "{field}");
    }
    let id = created["response_id"].as_str().unwrap();
    let first = api.get(&format!("/v1/responses/{id}")).await.body;
    assert_eq!(first["status"], "queued");
    assert_eq!(first["progress"], json!([]));

    let mut states = Vec::new();
    loop {
        let now = api.get(&format!("/v1/responses/{id}?wait=5")).await.body;
        states.push((
            now["status"].as_str().unwrap().to_owned(),
            now["progress"].as_array().unwrap().len(),
        ));
        if now["status"] == "succeeded" {
            break;
        }
    }
    assert_eq!(
        states,
        vec![
            ("in_progress".to_owned(), 1),
            ("in_progress".to_owned(), 2),
            ("in_progress".to_owned(), 3),
            ("succeeded".to_owned(), 3)
        ]
    );
    let done = api.get(&format!("/v1/responses/{id}")).await.body;
    assert_eq!(done["output_text"], "Answer to: What is Rust?");
    assert!(done["completed_at"].is_string());
    assert_eq!(done["response_title"], "What is Rust?");
    let progress = done["progress"].as_array().unwrap();
    assert_eq!(progress[0]["state"], "processing");
    assert_eq!(progress[0]["message"], "Reading the request");
    assert_eq!(progress[1]["state"], "tool_call");
    assert_eq!(
        progress[1]["tool_calls"],
        json!([
            {"name": "local_search", "args": {"query": "What is Rust?"}, "id": "call_1"},
            {"name": "local_summarize", "args": {"chars": 13}, "id": "call_2"}
        ])
    );
    assert_eq!(progress[2]["message"], "Writing the answer");
    assert!(progress.iter().all(|p| p["ts"].is_string()));
    assert_eq!(done["input_messages"], ask("What is Rust?")["messages"]);
    let thread = api
        .get(&format!(
            "/v1/threads/{}",
            done["thread_id"].as_str().unwrap()
        ))
        .await
        .body;
    assert_eq!(thread["title"], "What is Rust?");
    assert_eq!(thread["response_count"], 1);
}

#[tokio::test]
async fn long_poll_returns_within_50ms_of_completion() {
    let api = start().await;
    let created = create(&api, ask("timing")).await;
    let id = created["response_id"].as_str().unwrap();
    // Wait until the last step before the end, then hold one long-poll over the end.
    loop {
        let now = api.get(&format!("/v1/responses/{id}?wait=10")).await.body;
        if now["progress"].as_array().unwrap().len() == 3 {
            break;
        }
    }
    let reply = api.get(&format!("/v1/responses/{id}?wait=10")).await.body;
    let returned = chrono::Utc::now();
    assert_eq!(reply["status"], "succeeded");
    let completed: chrono::DateTime<chrono::Utc> =
        reply["completed_at"].as_str().unwrap().parse().unwrap();
    let late = returned - completed;
    assert!(late < chrono::Duration::milliseconds(50), "{late:?}");
}

#[tokio::test]
async fn wait_zero_or_absent_answers_at_once() {
    let api = start().await;
    let id = create(&api, ask("now")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let started = Instant::now();
    api.get(&format!("/v1/responses/{id}?wait=0")).await;
    api.get(&format!("/v1/responses/{id}")).await;
    assert!(started.elapsed() < Duration::from_millis(40));
    let done = wait_final(&api, &id).await;
    let started = Instant::now();
    let again = api.get(&format!("/v1/responses/{id}?wait=10")).await;
    assert!(started.elapsed() < Duration::from_millis(100));
    assert_eq!(again.body["status"], done["status"]);
}

#[tokio::test]
async fn option_shapes_the_api_would_refuse_are_refused_before_a_run() {
    let api = start().await;
    for (field, value, says) in [
        (
            "agent_config",
            json!({"agent_mode": "bogus"}),
            "agent_config.agent_mode",
        ),
        (
            "agent_config",
            json!("fast"),
            "agent_config must be an object",
        ),
        (
            "agent_config",
            json!({"planner_model_type": "HUGE"}),
            "one of SMART_MODEL",
        ),
        (
            "agent_config",
            json!({"skill_ids": [1]}),
            "a list of strings",
        ),
        (
            "agent_config",
            json!({"use_cognitive_tools": "yes"}),
            "a boolean",
        ),
        (
            "model_overrides",
            json!({"smart_model": 5}),
            "an object of strings",
        ),
        ("response_format_instructions", json!(5), "a string"),
    ] {
        let mut body = ask("hello");
        body[field] = value;
        let reply = api.post("/v1/responses", body).await;
        assert_error(&reply, 422, "VALIDATION_ERROR");
        assert!(
            reply.body.to_string().contains(says),
            "{says}: {:?}",
            reply.body
        );
    }
    assert_eq!(
        api.get("/v1/threads").await.body["total"],
        0,
        "no thread was made"
    );
    // Unknown keys and nulls pass: a newer client may send fields this server does not know.
    let mut body = ask("hello");
    body["agent_config"] = json!({"agent_mode": null, "new_knob": 1});
    assert_eq!(
        api.post("/v1/responses", body).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn structured_response_follows_the_schema() {
    let api = start().await;
    let schema = json!({
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "mood": {"type": "string", "enum": ["happy", "sad"]},
            "count": {"type": "integer", "minimum": 3},
            "score": {"type": "number"},
            "ok": {"type": "boolean"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "fixed": {"const": "v1"},
            "either": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
            "nothing": {"type": "null"},
            "nested": {"type": "object", "properties": {"inner": {"type": "string"}}}
        },
        "required": ["title"]
    });
    let mut body = ask("Summarise the quarterly report please");
    body["response_format"] = schema.clone();
    body["agent_config"] = json!({"planner_model_type": "FAST_MODEL", "skill_ids": ["x"]});
    body["model_overrides"] = json!({"camelKey": "v"});
    let id = create(&api, body).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = wait_final(&api, &id).await;
    assert_eq!(
        done["structured_response"],
        json!({
            "title": "title:Summarise the quarte",
            "mood": "happy",
            "count": 3,
            "score": 1,
            "ok": true,
            "tags": ["tags:Summarise the quarte"],
            "fixed": "v1",
            "either": 1,
            "nothing": null,
            "nested": {"inner": "inner:Summarise the quarte"}
        })
    );
    assert_eq!(done["options"]["response_format"], schema);
    assert_eq!(done["options"]["model_overrides"], json!({"camelKey": "v"}));
    assert_eq!(done["options"]["agent_config"]["skill_ids"], json!(["x"]));
}

#[tokio::test]
async fn the_fail_marker_fails_the_response() {
    let api = start().await;
    let id = create(&api, ask("please [fail] now")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = wait_final(&api, &id).await;
    assert_eq!(done["status"], "failed");
    assert_eq!(
        done["error"],
        json!({"code": "AGENT_FAILED", "message": "The local agent was asked to fail"})
    );
    assert!(done["output_text"].is_null());
}

#[tokio::test]
async fn cancel_stops_the_agent() {
    let api = start().await;
    let id = create(&api, ask("cancel me")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let cancelled = api
        .post(&format!("/v1/responses/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert!(cancelled.body["message"].is_string());
    tokio::time::sleep(Duration::from_millis(400)).await;
    let after = api.get(&format!("/v1/responses/{id}")).await.body;
    assert_eq!(after["status"], "cancelled");
    assert_eq!(after["progress"], json!([]));
    assert!(after["output_text"].is_null());
    assert!(after["completed_at"].is_string());
    let again = api
        .post(&format!("/v1/responses/{id}/cancel"), json!({}))
        .await;
    assert_eq!(again.body["status"], "cancelled");
    assert_eq!(again.body["message"], "Response is already final");
}

#[tokio::test]
async fn cancel_wakes_a_waiting_long_poll() {
    let api = start_slow().await;
    let id = create(&api, ask("slow")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = format!("/v1/responses/{id}?wait=20");
    let waiting = tokio::spawn({
        let http = api.http.clone();
        let url = api.url(&url);
        let key = api.key.clone();
        async move { common::reply(http.get(url).bearer_auth(key).send().await.unwrap()).await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    api.post(&format!("/v1/responses/{id}/cancel"), json!({}))
        .await;
    let woke = waiting.await.unwrap();
    assert!(started.elapsed() < Duration::from_millis(200));
    assert_eq!(woke.body["status"], "cancelled");
}

async fn start_slow() -> common::Api {
    common::start_with(lumnis_local::Config {
        agent_latency: Duration::from_secs(20),
        ..lumnis_local::Config::default()
    })
    .await
}

#[tokio::test]
async fn a_shared_thread_keeps_each_responses_user() {
    let api = start().await;
    let ada = api.user("ada@example.com").await;
    let bob = api.user("bob@example.com").await;
    let thread = api
        .post(
            "/v1/threads",
            json!({"user_id": "ada@example.com", "title": "team"}),
        )
        .await;
    assert_eq!(thread.status, StatusCode::CREATED);
    assert_eq!(thread.body["user_id"], ada["id"]);
    let thread_id = thread.body["thread_id"].as_str().unwrap().to_owned();
    let mut one = ask("from ada");
    one["thread_id"] = json!(thread_id);
    one["user_id"] = json!("ADA@example.com");
    let mut two = ask("from bob");
    two["thread_id"] = json!(thread_id);
    two["user_id"] = bob["id"].clone();
    let r1 = create(&api, one).await;
    let r2 = create(&api, two).await;
    assert_eq!(r1["thread_id"], json!(thread_id));
    assert_eq!(r2["thread_id"], json!(thread_id));
    let listed = api
        .get(&format!("/v1/threads/{thread_id}/responses"))
        .await
        .body;
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["user_id"], ada["id"]);
    assert_eq!(listed[1]["user_id"], bob["id"]);
    assert_eq!(listed[0]["response_id"], r1["response_id"]);
    // Bob wrote in the thread, so it is among his threads.
    let bobs = api
        .get(&format!(
            "/v1/threads?user_id={}",
            bob["id"].as_str().unwrap()
        ))
        .await
        .body;
    assert_eq!(bobs["total"], 1);
    assert_eq!(bobs["threads"][0]["thread_id"], json!(thread_id));
    assert_eq!(bobs["threads"][0]["response_count"], 2);
    let only_bob = api
        .get(&format!(
            "/v1/responses?user_id={}",
            bob["id"].as_str().unwrap()
        ))
        .await
        .body;
    assert_eq!(only_bob["total"], 1);
    assert_eq!(only_bob["responses"][0]["response_id"], r2["response_id"]);
}

#[tokio::test]
async fn threads_update_delete_and_validate() {
    let api = start().await;
    let thread = api.post("/v1/threads", json!({})).await.body;
    let id = thread["thread_id"].as_str().unwrap().to_owned();
    assert!(thread["user_id"].is_null());
    let renamed = api
        .call(
            Method::PATCH,
            &format!("/v1/threads/{id}"),
            Some(json!({"title": "new"})),
        )
        .await;
    assert_eq!(renamed.body["title"], "new");
    let long = "x".repeat(501);
    let bad = api
        .call(
            Method::PATCH,
            &format!("/v1/threads/{id}"),
            Some(json!({"title": long})),
        )
        .await;
    assert_error(&bad, 422, "VALIDATION_ERROR");
    let mut body = ask("in thread");
    body["thread_id"] = json!(id);
    let response = create(&api, body).await;
    let deleted = api
        .call(Method::DELETE, &format!("/v1/threads/{id}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert!(deleted.body["message"].is_string());
    assert_error(
        &api.get(&format!("/v1/threads/{id}")).await,
        404,
        "NOT_FOUND",
    );
    let path = format!(
        "/v1/responses/{}",
        response["response_id"].as_str().unwrap()
    );
    assert_error(&api.get(&path).await, 404, "NOT_FOUND");
    let list = api.get("/v1/threads?limit=10&offset=0").await.body;
    assert_eq!(list["total"], 0);
    assert_eq!(list["limit"], 10);
    assert_error(
        &api.get("/v1/threads?limit=0").await,
        422,
        "VALIDATION_ERROR",
    );
    assert_error(
        &api.get("/v1/threads?limit=101").await,
        422,
        "VALIDATION_ERROR",
    );
    let unknown = api
        .post("/v1/threads", json!({"user_id": "nobody@example.com"}))
        .await;
    assert_error(&unknown, 404, "NOT_FOUND");
}

#[tokio::test]
async fn response_create_validates() {
    let api = start().await;
    assert_error(
        &api.post("/v1/responses", json!({"messages": []})).await,
        422,
        "VALIDATION_ERROR",
    );
    assert_error(
        &api.post("/v1/responses", json!({})).await,
        422,
        "VALIDATION_ERROR",
    );
    let bad_role = json!({"messages": [{"role": "robot", "content": "x"}]});
    assert_error(
        &api.post("/v1/responses", bad_role).await,
        422,
        "VALIDATION_ERROR",
    );
    let mut unknown_thread = ask("x");
    unknown_thread["thread_id"] = json!(uuid::Uuid::new_v4());
    assert_error(
        &api.post("/v1/responses", unknown_thread).await,
        404,
        "NOT_FOUND",
    );
    let mut unknown_user = ask("x");
    unknown_user["user_id"] = json!("nobody@example.com");
    assert_error(
        &api.post("/v1/responses", unknown_user).await,
        404,
        "NOT_FOUND",
    );
    assert_error(
        &api.get("/v1/responses?limit=0").await,
        422,
        "VALIDATION_ERROR",
    );
    assert_error(
        &api.get("/v1/responses?status=weird").await,
        422,
        "VALIDATION_ERROR",
    );
    assert_error(&api.get("/v1/responses/not-a-uuid").await, 404, "NOT_FOUND");
}

#[tokio::test]
async fn lists_filter_and_run_newest_first() {
    let api = start().await;
    let a = create(&api, ask("[fail] a")).await;
    let b = create(&api, ask("b")).await;
    wait_final(&api, a["response_id"].as_str().unwrap()).await;
    wait_final(&api, b["response_id"].as_str().unwrap()).await;
    let all = api.get("/v1/responses").await.body;
    assert_eq!(all["total"], 2);
    assert_eq!(all["limit"], 50);
    assert_eq!(all["offset"], 0);
    assert_eq!(all["responses"][0]["response_id"], b["response_id"]);
    let failed = api.get("/v1/responses?status=failed").await.body;
    assert_eq!(failed["total"], 1);
    assert_eq!(failed["responses"][0]["response_id"], a["response_id"]);
    let future = api.get("/v1/responses?start_date=2999-01-01").await.body;
    assert_eq!(future["total"], 0);
    let past = api
        .get("/v1/responses?start_date=2000-01-01T00:00:00Z&limit=1")
        .await
        .body;
    assert_eq!(past["total"], 2);
    assert_eq!(past["responses"].as_array().unwrap().len(), 1);
    // No zone is UTC, as pydantic reads a naive `datetime.isoformat()`.
    let naive = api
        .get("/v1/responses?start_date=2000-01-01T00:00:00.5&end_date=2999-01-01T00:00:00")
        .await
        .body;
    assert_eq!(naive["total"], 2);
    let bad = api.get("/v1/responses?start_date=soon").await;
    assert_error(&bad, 422, "VALIDATION_ERROR");
    assert!(
        bad.body.to_string().contains("2026-12-04T08:00:00Z"),
        "{:?}",
        bad.body
    );
}

#[tokio::test]
async fn artifacts_and_feedback() {
    let api = start().await;
    let id = create(&api, ask("feedback")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let artifacts = api.get(&format!("/v1/responses/{id}/artifacts")).await.body;
    assert_eq!(artifacts["artifacts"], json!([]));
    assert_eq!(artifacts["total"], 0);
    let path = format!("/v1/responses/{id}/feedback");
    let given = api
        .post(
            &path,
            json!({
                "feedback_text": "shorter", "feedback_type": "suggestion", "tool_call_id": "call_1"
            }),
        )
        .await;
    assert_eq!(given.status, StatusCode::CREATED);
    assert!(given.body["feedback_id"].is_string());
    assert!(given.body["created_at"].is_string());
    let bad = api
        .post(
            &path,
            json!({"feedback_text": "x", "feedback_type": "praise"}),
        )
        .await;
    assert_error(&bad, 422, "VALIDATION_ERROR");
    let listed = api.get(&path).await.body;
    let feedback = listed["feedback"].as_array().unwrap();
    assert_eq!(feedback.len(), 1);
    assert_eq!(feedback[0]["feedback_text"], "shorter");
    assert_eq!(feedback[0]["tool_call_id"], "call_1");
    assert_eq!(feedback[0]["feedback_id"], given.body["feedback_id"]);
}

#[tokio::test]
async fn agent_latency_follows_the_settings() {
    let api = start().await;
    let reply = api
        .control(
            Method::PUT,
            "/_control/settings",
            Some(json!({"agent_latency_ms": 20})),
        )
        .await;
    assert_eq!(reply.body["agent_latency_ms"], 20);
    let started = Instant::now();
    let id = create(&api, ask("quick")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    wait_final(&api, &id).await;
    assert!(
        started.elapsed() < Duration::from_millis(150),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_date_only_end_date_covers_the_whole_day() {
    let api = start().await;
    let created = create(&api, ask("today")).await;
    let day = &created["created_at"].as_str().unwrap()[..10];
    let through = api.get(&format!("/v1/responses?end_date={day}")).await.body;
    assert_eq!(through["total"], 1, "{through}");
    let only = api
        .get(&format!("/v1/responses?start_date={day}&end_date={day}"))
        .await
        .body;
    assert_eq!(only["total"], 1, "{only}");
    let before = api.get("/v1/responses?end_date=2000-01-01").await.body;
    assert_eq!(before["total"], 0);
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[tokio::test]
async fn passed_through_json_keeps_its_key_order() {
    let api = start().await;
    let schema = json!({
        "type": "object",
        "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer"}, "mid": {
            "type": "object", "properties": {"y": {"type": "boolean"}, "b": {"type": "null"}}
        }}
    });
    let mut body = ask("order");
    body["response_format"] = schema.clone();
    body["model_overrides"] = json!({"z": "1", "a": "2"});
    body["agent_config"] = json!({"planner_model_type": "SMART_MODEL", "agent_mode": "auto"});
    let id = create(&api, body).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = wait_final(&api, &id).await;
    let structured = &done["structured_response"];
    assert_eq!(keys(structured), ["zeta", "alpha", "mid"], "{structured}");
    assert_eq!(keys(&structured["mid"]), ["y", "b"]);
    let options = &done["options"];
    assert_eq!(
        keys(options),
        ["response_format", "model_overrides", "agent_config"]
    );
    assert_eq!(keys(&options["response_format"]), ["type", "properties"]);
    assert_eq!(keys(&options["model_overrides"]), ["z", "a"]);
    assert_eq!(
        keys(&options["agent_config"]),
        ["planner_model_type", "agent_mode"]
    );

    let path = format!("/v1/responses/{id}/feedback");
    let update = json!({"zz": 1, "aa": {"q": 1, "c": 2}});
    let given = api
        .post(
            &path,
            json!({
                "feedback_text": "x", "feedback_type": "correction", "tool_args_update": update
            }),
        )
        .await;
    assert_eq!(given.status, StatusCode::CREATED);
    let listed = api.get(&path).await.body;
    let stored = &listed["feedback"][0]["tool_args_update"];
    assert_eq!(keys(stored), ["zz", "aa"]);
    assert_eq!(keys(&stored["aa"]), ["q", "c"]);
}

#[tokio::test]
async fn deleting_a_thread_wakes_its_long_polls() {
    // The agent's next step is a second away, so only the delete itself can wake the poll.
    let api = common::start_with(lumnis_local::Config {
        agent_latency: Duration::from_secs(4),
        faults: true,
        ..lumnis_local::Config::default()
    })
    .await;
    let created = create(&api, ask("deleted")).await;
    let id = created["response_id"].as_str().unwrap().to_owned();
    let thread = created["thread_id"].as_str().unwrap().to_owned();
    let poll = {
        let http = api.http.clone();
        let url = api.url(&format!("/v1/responses/{id}?wait=10"));
        let key = api.key.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            let reply = http.get(url).bearer_auth(key).send().await.unwrap();
            (reply.status(), started.elapsed())
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let deleted = api
        .call(Method::DELETE, &format!("/v1/threads/{thread}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    let (status, elapsed) = poll.await.unwrap();
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        elapsed < Duration::from_millis(600),
        "woke after {elapsed:?}"
    );
    let running = api.control(Method::GET, "/_control/agents", None).await;
    assert_eq!(running.body["running"], json!([]));
}

#[tokio::test]
async fn an_agent_whose_response_stopped_running_leaves_the_registry() {
    let dir = std::env::temp_dir().join(format!("lumnis-local-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("data.sqlite");
    let api = common::start_with(lumnis_local::Config {
        db: Some(db.clone()),
        agent_latency: Duration::from_millis(800),
        faults: true,
        ..lumnis_local::Config::default()
    })
    .await;
    let id = create(&api, ask("stopped")).await["response_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = api.get(&format!("/v1/responses/{id}?wait=5")).await.body;
    assert_eq!(first["status"], "in_progress");
    let running = api.control(Method::GET, "/_control/agents", None).await;
    assert_eq!(running.body["running"], json!([id]));
    // Ended behind the agent's back, so its next step finds the response no longer running.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.execute(
        "UPDATE responses SET status = 'failed' WHERE id = ?1",
        [&id],
    )
    .unwrap();
    tokio::time::sleep(Duration::from_millis(700)).await;
    let running = api.control(Method::GET, "/_control/agents", None).await;
    assert_eq!(running.body["running"], json!([]));
    api.server.shutdown().await;
    let _ = std::fs::remove_dir_all(dir);
}
