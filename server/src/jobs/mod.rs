//! Background jobs: work that runs on a clock, not on a request. One runner
//! for all of them: each job runs, then waits its interval (give or take a
//! tenth, so app servers started together do not run in step), and stops
//! cleanly on shutdown: a run in progress finishes, none starts after.
//!
//! Every job may run on several app servers at once against one database:
//! it claims each piece of work with a guarded UPDATE (a lease) before doing
//! it, so each warning, expiry and email happens once. `tests/jobs.rs` runs
//! two runners against one database to prove it.

mod certificates;
mod expiry;
mod funds;
mod lead_offers;
mod outbox;
mod social;
mod tiers;
mod views;
mod webhooks;

use std::{
    future::Future,
    hash::{BuildHasher, Hasher},
    time::Duration,
};

use app::error::AppError;
use tokio::{sync::watch, task::JoinSet};

pub use certificates::CertificateSweep;
pub use expiry::ProtectionSweep;
pub use funds::FundsCheck;
pub use lead_offers::LeadOfferSweep;
pub use outbox::OutboxSender;
pub use social::SocialPoster;
pub use tiers::{ApplicationRescore, OnboardingCheck, TierRecompute};
pub use views::ViewFlush;
pub use webhooks::WebhookSender;

/// Work done on a clock.
pub trait Job: Send + Sync + 'static {
    /// For the log.
    const NAME: &'static str;

    /// One run; answers how many pieces of work it did.
    fn run(&self) -> impl Future<Output = Result<usize, AppError>> + Send;
}

/// The running jobs of one app server.
pub struct Jobs {
    stop: watch::Sender<bool>,
    tasks: JoinSet<()>,
}

impl Default for Jobs {
    fn default() -> Self {
        Jobs {
            stop: watch::channel(false).0,
            tasks: JoinSet::new(),
        }
    }
}

impl Jobs {
    /// Starts `job`: a run now, then one every `every` until shutdown.
    pub fn spawn<J: Job>(&mut self, job: J, every: Duration) {
        let stop = self.stop.subscribe();
        // Jobs read no request's contexts either (see `isolation`).
        self.tasks
            .spawn(crate::isolation::isolated(run_loop(job, every, stop)));
    }

    /// Lets every run in progress finish, and starts no other.
    pub async fn shutdown(mut self) {
        self.stop.send_replace(true);
        while self.tasks.join_next().await.is_some() {}
    }
}

async fn run_loop<J: Job>(job: J, every: Duration, mut stop: watch::Receiver<bool>) {
    while !*stop.borrow() {
        match job.run().await {
            Ok(0) => {}
            Ok(done) => tracing::info!(job = J::NAME, done, "background job"),
            Err(err) => tracing::error!(job = J::NAME, %err, "background job"),
        }
        tokio::select! {
            _ = stop.wait_for(|stopped| *stopped) => break,
            () = tokio::time::sleep(jittered(every)) => {}
        }
    }
}

/// `every`, give or take a tenth, at random.
fn jittered(every: Duration) -> Duration {
    // A fresh RandomState is seeded at random: no dependency for a die.
    let roll = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let fraction = (roll % 2001) as f64 / 10_000.0; // 0 to 0.2
    every.mul_f64(0.9 + fraction)
}

#[cfg(test)]
mod tests {
    use std::sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    };

    use super::*;

    #[test]
    fn jitter_stays_within_a_tenth() {
        let every = Duration::from_secs(300);
        let waits: Vec<Duration> = (0..200).map(|_| jittered(every)).collect();
        assert!(waits
            .iter()
            .all(|w| *w >= every.mul_f64(0.9) && *w <= every.mul_f64(1.1)));
        assert!(
            waits.iter().any(|w| *w != waits[0]),
            "two hundred waits were all the same"
        );
    }

    /// Counts its runs; each takes `busy`.
    struct Counter {
        runs: Arc<AtomicUsize>,
        finished: Arc<AtomicUsize>,
        busy: Duration,
    }

    impl Job for Counter {
        const NAME: &'static str = "counter";

        async fn run(&self) -> Result<usize, AppError> {
            self.runs.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(self.busy).await;
            self.finished.fetch_add(1, Ordering::SeqCst);
            Ok(1)
        }
    }

    #[tokio::test]
    async fn shutdown_lets_a_run_finish_and_starts_none_after() {
        let runs = Arc::new(AtomicUsize::new(0));
        let finished = Arc::new(AtomicUsize::new(0));
        let mut jobs = Jobs::default();
        jobs.spawn(
            Counter {
                runs: runs.clone(),
                finished: finished.clone(),
                busy: Duration::from_millis(200),
            },
            Duration::from_millis(10),
        );
        // The first run starts at once and is still busy when shutdown comes.
        tokio::time::sleep(Duration::from_millis(50)).await;
        jobs.shutdown().await;
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert_eq!(
            finished.load(Ordering::SeqCst),
            1,
            "the run in progress finished"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(
            runs.load(Ordering::SeqCst),
            1,
            "no run started after shutdown"
        );
    }

    #[tokio::test]
    async fn a_job_runs_again_after_its_interval() {
        let runs = Arc::new(AtomicUsize::new(0));
        let mut jobs = Jobs::default();
        jobs.spawn(
            Counter {
                runs: runs.clone(),
                finished: Arc::default(),
                busy: Duration::ZERO,
            },
            Duration::from_millis(20),
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        jobs.shutdown().await;
        let n = runs.load(Ordering::SeqCst);
        assert!((3..=16).contains(&n), "{n} runs in 300 ms at 20 ms ± 10 %");
    }
}
