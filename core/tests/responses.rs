//! Responses and invoke through the core, against the local agent.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use lumnisai::{
    AgentConfig, CreateFeedback, CreateResponse, ErrorKind, FeedbackType, InvokeOptions,
    ListResponses, Message, ResponseStatus,
};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoke_returns_the_final_answer() {
    let local = common::start().await;
    let client = local.client().for_user("ann@example.com");
    client
        .users()
        .create(lumnisai::CreateUser::new("ann@example.com"))
        .await
        .unwrap();

    let response = client
        .invoke("Hello there", InvokeOptions::default())
        .await
        .unwrap();
    assert_eq!(response.status, ResponseStatus::Succeeded);
    assert_eq!(
        response.output_text.as_deref(),
        Some("Answer to: Hello there")
    );
    assert_eq!(response.progress.len(), 3);
    assert!(response.completed_at.is_some());
    assert_eq!(response.input_messages, vec![Message::user("Hello there")]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoke_notices_completion_within_50_ms() {
    let local = common::start().await;
    let client = local.client();

    let started = Instant::now();
    let response = client
        .invoke("quick", InvokeOptions::default())
        .await
        .unwrap();
    let seen = chrono::Utc::now();
    let done = response.completed_at.expect("completed");
    let late = (seen - done).to_std().unwrap_or_default();
    assert!(
        late < Duration::from_millis(50),
        "noticed {late:?} after completion"
    );
    assert!(
        started.elapsed() < Duration::from_millis(200 + 150),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoke_deadline_is_a_timeout_carrying_the_response_id() {
    let local = common::start().await;
    local.settings(json!({"agent_latency_ms": 5_000})).await;
    let client = local.client();

    let options = InvokeOptions {
        deadline: Some(Duration::from_millis(300)),
        ..Default::default()
    };
    let started = Instant::now();
    let err = client.invoke("slow", options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_millis(1_000),
        "{:?}",
        started.elapsed()
    );
    let id = err.response_id().expect("the error names the response");
    let still = client.responses().get(id, None).await.unwrap();
    assert!(!still.status.is_final(), "the run goes on server-side");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoke_deadline_covers_a_create_call_that_hangs() {
    let local = common::start().await;
    local
        .fault("POST", "/v1/responses", 5, json!({"kind": "hang"}))
        .await;
    let client = local.client();

    let options = InvokeOptions {
        deadline: Some(Duration::from_millis(500)),
        ..Default::default()
    };
    let started = Instant::now();
    let err = client.invoke("never created", options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(1_500),
        "{took:?}: the 5 s attempt timeout ran"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_past_any_clock_is_no_deadline() {
    let local = common::start().await;
    let client = local.client();
    let options = InvokeOptions {
        deadline: Some(Duration::MAX),
        ..Default::default()
    };
    let response = client.invoke("no hurry", options).await.unwrap();
    assert_eq!(response.status, ResponseStatus::Succeeded);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoke_with_its_own_key_keeps_the_views_timeout_and_retries() {
    let local = common::start().await;
    local
        .fault("POST", "/v1/responses", 5, json!({"kind": "hang"}))
        .await;
    let view = local.client().with_options(
        lumnisai::CallOptions::new()
            .timeout(Duration::from_millis(300))
            .max_retries(0),
    );
    let options = InvokeOptions {
        idempotency_key: Some("run-1".into()),
        ..Default::default()
    };
    let started = Instant::now();
    let err = view.invoke("hi", options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "{took:?}: the view's 300 ms was dropped"
    );
    let posts = local.requests("POST", "/v1/responses").await;
    assert_eq!(posts.len(), 1, "no retry");
    assert_eq!(posts[0]["idempotency_key"], "run-1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streaming_yields_entries_then_tool_updates_then_completed() {
    let local = common::start().await;
    let client = local.client();
    // Steps 200 ms apart, so that a loaded machine still reads each one on its own.
    local.settings(json!({"agent_latency_ms": 800})).await;

    let mut stream = client.invoke_stream("Stream me", InvokeOptions::default());
    let mut entries = Vec::new();
    while let Some(entry) = stream.next().await {
        entries.push(entry.unwrap());
    }
    let summary: Vec<(String, usize)> = entries
        .iter()
        .map(|e| (e.state.clone(), e.tool_calls.as_ref().map_or(0, Vec::len)))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("processing".to_owned(), 0),
            ("tool_call".to_owned(), 1),
            ("processing".to_owned(), 0),
            ("tool_update".to_owned(), 1),
            ("completed".to_owned(), 0),
        ]
    );
    assert_eq!(
        entries[1].tool_calls.as_ref().unwrap()[0]["name"],
        "local_search"
    );
    // The second tool call of the searching entry arrives with the next entry, and follows it.
    assert_eq!(
        entries[3].tool_calls.as_ref().unwrap()[0]["name"],
        "local_summarize"
    );
    assert_eq!(
        entries[3].message,
        "[Tool calls for: Searching local knowledge]"
    );
    assert!(stream.next().await.is_none(), "an ended stream stays ended");
    let last = entries.last().unwrap();
    assert_eq!(last.output_text.as_deref(), Some("Answer to: Stream me"));
    assert_eq!(stream.response().unwrap().status, ResponseStatus::Succeeded);
    assert!(stream.response_id().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_run_is_an_answer_not_an_error() {
    let local = common::start().await;
    let response = local
        .client()
        .invoke("please [fail]", InvokeOptions::default())
        .await
        .unwrap();
    assert_eq!(response.status, ResponseStatus::Failed);
    assert_eq!(response.error.as_ref().unwrap()["code"], "AGENT_FAILED");
    assert!(response.output_text.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn structured_output_keeps_schema_keys_verbatim() {
    let local = common::start().await;
    let schema = json!({
        "type": "object",
        "required": ["cityName"],
        "properties": {"cityName": {"type": "string"}, "temp_C": {"type": "integer", "minimum": 3}}
    });
    let options = InvokeOptions {
        response_format: Some(schema.clone()),
        response_format_instructions: Some("fill it".into()),
        agent_config: Some(AgentConfig {
            agent_mode: Some("single_agent".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let response = local
        .client()
        .invoke("Weather in Paris", options)
        .await
        .unwrap();
    let structured = response.structured_response.unwrap();
    assert_eq!(structured["temp_C"], 3);
    assert!(structured["cityName"]
        .as_str()
        .unwrap()
        .starts_with("cityName:"));
    // Verbatim includes the order of the keys: a model fills a schema's fields in the order
    // it lists them (Value equality alone would not see a reordering).
    let keys: Vec<&String> = structured.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["cityName", "temp_C"]);
    let sent = serde_json::to_string(&response.options.unwrap()["response_format"]).unwrap();
    assert_eq!(
        sent,
        serde_json::to_string(&schema).unwrap(),
        "schema sent verbatim"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_get_with_wait_cancel_list_artifacts_feedback() {
    let local = common::start().await;
    local.settings(json!({"agent_latency_ms": 2_000})).await;
    let client = local.client();

    let created = client
        .responses()
        .create(CreateResponse::new("to cancel"))
        .await
        .unwrap();
    assert_eq!(created.status, ResponseStatus::Queued);
    let id = created.response_id.to_string();

    let started = Instant::now();
    let changed = client
        .responses()
        .get(&id, Some(Duration::from_secs(5)))
        .await
        .unwrap();
    assert_eq!(
        changed.status,
        ResponseStatus::InProgress,
        "wait returns on the first change"
    );
    assert!(started.elapsed() < Duration::from_millis(1_500));

    let cancelled = client.responses().cancel(&id).await.unwrap();
    assert_eq!(cancelled.status, "cancelled");
    let after = client.responses().get(&id, None).await.unwrap();
    assert_eq!(after.status, ResponseStatus::Cancelled);

    let list = client
        .responses()
        .list(ListResponses {
            status: Some(ResponseStatus::Cancelled),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(list.total, 1);
    assert_eq!(list.responses[0].response_id, created.response_id);

    let artifacts = client.responses().artifacts(&id, 10, 0).await.unwrap();
    assert!(artifacts.is_object());

    let feedback = CreateFeedback {
        feedback_text: "shorter please".into(),
        feedback_type: FeedbackType::Suggestion,
        user_id: None,
        progress_id: None,
        tool_call_id: None,
        tool_args_update: Some(json!({"camelKey": 1})),
    };
    client
        .responses()
        .create_feedback(&id, feedback)
        .await
        .unwrap();
    let step = CreateFeedback {
        feedback_text: "about step one".into(),
        feedback_type: FeedbackType::Guidance,
        user_id: None,
        progress_id: Some("Step-1".into()),
        tool_call_id: None,
        tool_args_update: None,
    };
    client.responses().create_feedback(&id, step).await.unwrap();

    let listed = client.responses().list_feedback(&id, None).await.unwrap();
    let texts: Vec<_> = listed
        .feedback
        .iter()
        .map(|f| f.feedback_text.as_str())
        .collect();
    assert_eq!(texts, ["shorter please", "about step one"]);
    assert_eq!(listed.response_id.to_string(), id);
    assert_eq!((listed.total_feedback, listed.unconsumed_count), (2, 2));
    assert_eq!(listed.progress_id_filter, None);
    let first = &listed.feedback[0];
    assert_eq!(first.feedback_type, "suggestion");
    assert_eq!(first.tool_args_update, Some(json!({"camelKey": 1})));
    assert!(first.created_at.is_some());

    // One step's feedback, its id matched without case, and counted for that step alone.
    let one = client
        .responses()
        .list_feedback(&id, Some("step-1"))
        .await
        .unwrap();
    assert_eq!(one.feedback.len(), 1);
    assert_eq!(one.feedback[0].feedback_text, "about step one");
    assert_eq!((one.total_feedback, one.consumed_count), (1, 0));
    assert_eq!(one.progress_id_filter.as_deref(), Some("step-1"));
    let none = client
        .responses()
        .list_feedback(&id, Some("step-9"))
        .await
        .unwrap();
    assert_eq!((none.feedback.len(), none.total_feedback), (0, 0));

    local.clear_log().await;
    let err = client
        .responses()
        .list_feedback(&id, Some(" "))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(local.log().await.is_empty(), "refused before any request");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_run_arguments_never_reach_the_server() {
    let local = common::start().await;
    let client = local.client();
    local.clear_log().await;

    let empty = CreateResponse {
        messages: vec![],
        ..Default::default()
    };
    let err = client.responses().create(empty).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let blank = InvokeOptions {
        user_id: Some("alice@example.com".into()),
        ..Default::default()
    };
    let err = client.invoke("  ", blank).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let unknown_role = CreateResponse {
        messages: vec![Message {
            role: lumnisai::Role::Unknown,
            content: "hi".into(),
        }],
        ..Default::default()
    };
    let err = client.responses().create(unknown_role).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);

    let local_file = CreateResponse {
        files: Some(vec!["./notes.pdf".into()]),
        ..CreateResponse::new("read my notes")
    };
    let err = client.responses().create(local_file).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LocalFileNotSupported);

    let options = InvokeOptions {
        scope: Some(lumnisai::Scope::User),
        ..Default::default()
    };
    let err = client.invoke("who am I", options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingUserId);

    // A blank user binds none, and the view does not fall back to tenant scope.
    let nobody = client.for_user("  ");
    let err = nobody.invoke("who am I", InvokeOptions::default()).await;
    assert_eq!(err.unwrap_err().kind(), ErrorKind::MissingUserId);

    let bad_mode = AgentConfig {
        agent_mode: Some("swarm".into()),
        ..Default::default()
    };
    let options = InvokeOptions {
        agent_config: Some(bad_mode),
        ..Default::default()
    };
    let err = client.invoke("hi", options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);

    let no_time = InvokeOptions {
        user_id: Some("alice@example.com".into()),
        deadline: Some(Duration::ZERO),
        ..Default::default()
    };
    let err = client.invoke("hi", no_time).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "no run is left behind");

    assert!(local.log().await.is_empty(), "nothing was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_switches_tenant_scope_and_artifact_ids_are_references() {
    let local = common::start().await;
    let client = local.client();
    let alice = client
        .users()
        .create(lumnisai::CreateUser::new("alice@example.com"))
        .await
        .unwrap();

    let options = InvokeOptions {
        user_id: Some("alice@example.com".into()),
        scope: Some(lumnisai::Scope::Tenant),
        ..Default::default()
    };
    let run = client.invoke("whose run is this", options).await.unwrap();
    assert_eq!(
        run.user_id,
        Some(alice.id),
        "the user switched the call to user scope"
    );

    let with_artifact = CreateResponse {
        user_id: Some("alice@example.com".into()),
        files: Some(vec![
            "artifact_abc123".into(),
            "data:text/plain;base64,aGk=".into(),
        ]),
        ..CreateResponse::new("read these")
    };
    let created = client.responses().create(with_artifact).await.unwrap();
    client
        .responses()
        .cancel(&created.response_id.to_string())
        .await
        .unwrap();
}
