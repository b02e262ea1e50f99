// SPDX-License-Identifier: Apache-2.0
#pragma once
// "Add lakeFS connection…" / "Edit connection": name, endpoint, access key
// id, secret (password echo) and "skip TLS verification" (with a visible
// warning). Validation runs live: the reasons are listed under the form and
// OK stays disabled until they are gone. "Test connection" runs
// remote::testConnection() in a JobTracker job and says plainly what failed
// (DNS, refused, TLS, credentials, version) or who we are connected as.
// OK saves through the ConnectionStore (secret into its SecretStore) and
// closes only once saving succeeded.
//
// Thread safety: GUI thread only. The test job never touches the dialog.

#include "connections/connectionstore.h"
#include "jobs/jobtracker.h"
#include "remote/connectiontest.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lakeside::ui {

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    // `editName` empty: add a new connection; otherwise edit that one (its
    // secret field stays empty, meaning "keep the stored secret").
    explicit ConnectionDialog(connections::ConnectionStore* store, const QString& editName = QString(),
                              QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    connections::LakeFsConnection connectionValue() const;
    // The current validation problems (empty = OK enabled).
    QStringList problems() const;
    // The name saved by the last successful accept().
    QString savedName() const { return m_savedName; }
    // Fills the form (secret included) from a lakectl YAML file; false and
    // a message in the result area when it cannot be read.
    bool importFrom(const QString& path);

public Q_SLOTS:
    void testConnection();
    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok, const QString& message);
    void saveFailed(const QString& message);

private:
    void revalidate();
    void chooseLakectlFile();

    connections::ConnectionStore* m_store;
    QString m_editName;
    QString m_savedName;
    QLineEdit* m_name;
    QLineEdit* m_endpoint;
    QLineEdit* m_accessKey;
    QLineEdit* m_secret;
    QCheckBox* m_skipTls;
    QLabel* m_tlsWarning;
    QLabel* m_problems;
    QLabel* m_testResult;
    QPushButton* m_testButton;
    QPushButton* m_importButton;
    QDialogButtonBox* m_buttons;
    JobTracker m_testJob{this};
    bool m_saving = false;
};

// Plain sentence for a failed or passed connection test, as the dialog shows it.
QString describeConnectionReport(const remote::ConnectionReport& report);

} // namespace lakeside::ui
