//! How reports name an article: by its path, never by its file name alone
//! (`monday/wire.txt` and `tuesday/wire.txt` are two articles), shortened
//! by the folder every article of the report shares, so `seeds/000_….txt`
//! shows as `000_….txt` while `articles/monday/wire.txt` shows as
//! `monday/wire.txt`.

use crate::corpus::Source;

/// Short, unique names for the articles of one report.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// The shared folder prefix, ending in `/` (or empty).
    root: String,
}

impl Names {
    /// The names for `sources` (paths with `/` separators).
    pub fn new(sources: &[Source]) -> Names {
        let mut paths = sources.iter().map(|s| s.path.as_str());
        let Some(first) = paths.next() else {
            return Names::default();
        };
        // The folder part of the first path, cut back to what all share.
        let mut root = first.rfind('/').map_or("", |i| &first[..=i]);
        for path in paths {
            while !path.starts_with(root) {
                root = root[..root.len() - 1]
                    .rfind('/')
                    .map_or("", |i| &root[..=i]);
            }
        }
        Names {
            root: root.to_string(),
        }
    }

    /// The name of the article at `path`.
    pub fn of<'a>(&self, path: &'a str) -> &'a str {
        path.strip_prefix(self.root.as_str())
            .filter(|rest| !rest.is_empty())
            .unwrap_or(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[&str]) -> Vec<String> {
        let sources: Vec<Source> = paths
            .iter()
            .map(|p| Source {
                path: p.to_string(),
                ..Source::default()
            })
            .collect();
        let names = Names::new(&sources);
        paths.iter().map(|p| names.of(p).to_string()).collect()
    }

    #[test]
    fn the_shared_folder_is_dropped_and_names_stay_unique() {
        assert_eq!(
            names(&["articles/monday/wire.txt", "articles/tuesday/wire.txt"]),
            ["monday/wire.txt", "tuesday/wire.txt"]
        );
        assert_eq!(
            names(&["seeds/000_a.txt", "seeds/001_b.txt"]),
            ["000_a.txt", "001_b.txt"]
        );
        assert_eq!(names(&["a.txt", "sub/a.txt"]), ["a.txt", "sub/a.txt"]);
        assert_eq!(
            names(&["seedsX/a.txt", "seeds/b.txt"]),
            ["seedsX/a.txt", "seeds/b.txt"]
        );
        assert_eq!(names(&["/tmp/x/a.txt"]), ["a.txt"]);
    }
}
