package io.promethios.governance.core;

import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.Message;

import java.util.List;
import java.util.Optional;

/**
 * Creating, reading and closing sessions of a pipeline. Creating and closing are audited.
 *
 * @since 0.1
 */
public interface Sessions {

    /**
     * Creates a session.
     *
     * @throws InvalidRequestException if an identifier is malformed
     * @throws IllegalStateException   if the session id is taken
     * @throws GovernanceConfigurationException if the agent configuration names an unknown agent
     */
    ChatSession create(SessionSpec spec);

    /** The session, if it exists. */
    Optional<ChatSession> find(String sessionId);

    /**
     * The session.
     *
     * @throws SessionNotFoundException if there is none
     */
    ChatSession get(String sessionId);

    /**
     * The governed history, oldest first.
     *
     * @throws SessionNotFoundException if there is no such session
     */
    List<Message> history(String sessionId);

    /**
     * Closes the session: later turns are refused. Closing a closed session does nothing.
     *
     * @throws SessionNotFoundException if there is no such session
     */
    ChatSession close(String sessionId);
}
