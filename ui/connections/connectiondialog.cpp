// SPDX-License-Identifier: Apache-2.0
#include "connections/connectiondialog.h"

#include "remote/lakectlconfig.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace lakeside::ui {

using connections::LakeFsConnection;

QString describeConnectionReport(const remote::ConnectionReport& r)
{
    using P = remote::ConnectionProblem;
    const QString summary = QString::fromStdString(r.summary);
    switch (r.problem) {
    case P::None:
        return QStringLiteral("Connected to lakeFS %1 as %2")
            .arg(QString::fromStdString(r.serverVersion), QString::fromStdString(r.userId));
    case P::InvalidEndpoint: return QStringLiteral("Invalid endpoint: ") + summary;
    case P::Dns: return QStringLiteral("DNS lookup failed: ") + summary;
    case P::ConnectionRefused: return QStringLiteral("Connection refused: ") + summary;
    case P::Timeout: return QStringLiteral("Timed out: ") + summary;
    case P::Tls: return QStringLiteral("TLS failed: ") + summary;
    case P::NotLakeFs: return QStringLiteral("Not a lakeFS server: ") + summary;
    case P::Credentials: return QStringLiteral("Credentials failed: ") + summary;
    case P::Version: return QStringLiteral("Server version unusable: ") + summary;
    case P::Other: break;
    }
    return QStringLiteral("Connection failed: ") + summary;
}

ConnectionDialog::ConnectionDialog(connections::ConnectionStore* store, const QString& editName, QWidget* parent)
    : QDialog(parent), m_store(store), m_editName(editName)
{
    setWindowTitle(editName.isEmpty() ? tr("Add lakeFS connection") : tr("Edit lakeFS connection"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_endpoint = new QLineEdit(this);
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://lakefs.example.com"));
    m_accessKey = new QLineEdit(this);
    m_accessKey->setObjectName(QStringLiteral("accessKeyEdit"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    if (!editName.isEmpty()) m_secret->setPlaceholderText(tr("unchanged (stored in the system keychain)"));
    m_skipTls = new QCheckBox(tr("Skip TLS certificate verification"), this);
    m_skipTls->setObjectName(QStringLiteral("skipTlsCheck"));
    m_tlsWarning = new QLabel(tr("Warning: without TLS verification anyone on the network path can read "
                                 "and change your data and credentials. Use only for a test server."), this);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarning"));
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_tlsWarning->setVisible(false);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testButton = new QPushButton(tr("Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_importButton = new QPushButton(tr("Import from ~/.lakectl.yaml…"), this);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Endpoint URL:"), m_endpoint);
    form->addRow(tr("&Access key ID:"), m_accessKey);
    form->addRow(tr("&Secret access key:"), m_secret);
    form->addRow(QString(), m_skipTls);
    form->addRow(QString(), m_tlsWarning);
    auto* tools = new QHBoxLayout;
    tools->addWidget(m_testButton);
    tools->addWidget(m_importButton);
    tools->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addLayout(tools);
    layout->addWidget(m_testResult);
    layout->addWidget(m_buttons);

    if (const auto existing = m_store->connection(editName)) {
        m_name->setText(existing->name);
        m_endpoint->setText(existing->endpoint);
        m_accessKey->setText(existing->accessKeyId);
        m_skipTls->setChecked(existing->skipTlsVerify);
    }

    for (QLineEdit* e : {m_name, m_endpoint, m_accessKey})
        connect(e, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    connect(m_skipTls, &QCheckBox::toggled, this, [this](bool on) { m_tlsWarning->setVisible(on); });
    m_tlsWarning->setVisible(m_skipTls->isChecked());
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_importButton, &QPushButton::clicked, this, &ConnectionDialog::chooseLakectlFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    revalidate();
}

ConnectionDialog::~ConnectionDialog() = default;

LakeFsConnection ConnectionDialog::connectionValue() const
{
    LakeFsConnection c;
    c.name = m_name->text().trimmed();
    c.endpoint = m_endpoint->text().trimmed();
    c.accessKeyId = m_accessKey->text().trimmed();
    c.skipTlsVerify = m_skipTls->isChecked();
    return c;
}

QStringList ConnectionDialog::problems() const
{
    QStringList others = m_store->names();
    others.removeAll(m_editName);
    return connections::validationProblems(connectionValue(), others);
}

void ConnectionDialog::revalidate()
{
    const QStringList p = problems();
    m_problems->setText(p.join(u'\n'));
    m_problems->setVisible(!p.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty() && !m_saving);
    m_testButton->setEnabled(connections::isHttpUrl(m_endpoint->text()));
}

void ConnectionDialog::testConnection()
{
    const LakeFsConnection c = connectionValue();
    m_testResult->setText(tr("Testing %1…").arg(c.endpoint));
    auto run = [this, c](const QString& secret) {
        const remote::ConnectionConfig cfg = connections::toConfig(c, secret);
        m_testJob.start([cfg](const OpContext&) { return remote::testConnection(cfg); },
                        [this](remote::ConnectionReport report) {
                            const QString msg = describeConnectionReport(report);
                            m_testResult->setText(msg);
                            Q_EMIT testFinished(report.ok(), msg);
                        });
    };
    // Editing with the secret left empty: test with the stored one.
    if (m_secret->text().isEmpty() && !m_editName.isEmpty()) {
        QPointer<ConnectionDialog> self(this);
        m_store->readSecret(m_editName, [self, run](Result<QString> s) {
            if (self) run(s.ok() ? s.value() : QString());
        });
        return;
    }
    run(m_secret->text());
}

bool ConnectionDialog::importFrom(const QString& path)
{
    auto cfg = remote::loadLakectlConfig(path.toStdString());
    if (!cfg.ok()) {
        m_testResult->setText(tr("Could not import %1: %2").arg(path, QString::fromStdString(cfg.error().message)));
        return false;
    }
    m_endpoint->setText(QString::fromStdString(cfg.value().endpoint));
    m_accessKey->setText(QString::fromStdString(cfg.value().access_key_id));
    m_secret->setText(QString::fromStdString(cfg.value().secret_access_key));
    m_skipTls->setChecked(!cfg.value().verify_tls);
    if (m_name->text().trimmed().isEmpty()) {
        QString base = QUrl(m_endpoint->text()).host();
        if (base.isEmpty()) base = QStringLiteral("lakectl");
        QString name = base;
        for (int i = 2; m_store->names().contains(name, Qt::CaseInsensitive); ++i)
            name = base + QStringLiteral(" (%1)").arg(i);
        m_name->setText(name);
    }
    m_testResult->setText(tr("Imported from %1. Review and press OK to save.").arg(path));
    return true;
}

void ConnectionDialog::chooseLakectlFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import lakectl configuration"), QString::fromStdString(remote::defaultLakectlConfigPath()),
        tr("lakectl configuration (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) importFrom(path);
}

void ConnectionDialog::accept()
{
    if (!problems().isEmpty() || m_saving) return;
    m_saving = true;
    revalidate();
    const LakeFsConnection c = connectionValue();
    QPointer<ConnectionDialog> self(this);
    auto done = [self, name = c.name](Status st) {
        if (!self) return;
        self->m_saving = false;
        if (!st.ok()) {
            const QString msg = tr("Could not save: %1").arg(QString::fromStdString(st.message()));
            self->m_testResult->setText(msg);
            self->revalidate();
            Q_EMIT self->saveFailed(msg);
            return;
        }
        self->m_savedName = name;
        self->QDialog::accept();
    };
    if (m_editName.isEmpty()) {
        m_store->add(c, m_secret->text(), done);
    } else {
        std::optional<QString> secret;
        if (!m_secret->text().isEmpty()) secret = m_secret->text();
        m_store->update(m_editName, c, secret, done);
    }
}

} // namespace lakeside::ui
